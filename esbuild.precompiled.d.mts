import type { Plugin } from 'esbuild';

export function precompiledValidators(root: string): Promise<string>;
export function precompiledPlugin(root: string, source: string): Plugin;
