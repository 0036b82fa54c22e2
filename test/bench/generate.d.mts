/** Generates a deterministic ops workspace of `files` files under `root` (see generate.mjs). */
export function generate(root: string, files: number, seed?: number): void;
/** mulberry32: a seeded generator of numbers in [0, 1). */
export function rng(seed: number): () => number;
/** The i-th file's text as a pull that rewrites many files would leave it. */
export function stormRewrite(text: string, i: number): string;
