// Types of seeds.mjs for the TypeScript in-host suite (test/inhost/src).
export declare const TODAY: string;
export interface Seed {
  readonly name: string;
  readonly file: string;
  readonly find?: string;
  readonly replace?: string;
  readonly create?: string;
  readonly ruleId?: string;
  readonly line?: number;
  readonly text?: string;
}
export declare const SEEDS: readonly Seed[];
export declare const BASELINE: readonly { readonly file: string; readonly line: number; readonly ruleId: string }[];
export declare const INHOST_PACK: {
  readonly name: string;
  readonly file: string;
  readonly ruleId: string;
  readonly files: Readonly<Record<string, string>>;
};
