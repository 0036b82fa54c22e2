/** Generates a deterministic ops workspace of `files` files under `root` (see generate.mjs). */
export function generate(root: string, files: number, seed?: number): void;
