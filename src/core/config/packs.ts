import type { PackSource } from '../host';
import type { ConfigProblem } from './types';

/** What resolving a pack needs of the configuration input. */
export interface PackInput {
  builtinPacks: ReadonlyMap<string, PackSource>;
  readWorkspaceFile(path: string): Promise<string | undefined>;
}

/**
 * The pack a configuration names: a built-in one, or a folder of the workspace (`./packs/x`,
 * relative to the file naming it, never outside the root). Undefined, with a problem, otherwise.
 */
export function resolvePack(name: string, input: PackInput, problems: ConfigProblem[], at: Omit<ConfigProblem, 'message'>): PackSource | undefined {
  const builtin = input.builtinPacks.get(name);
  if (builtin) return builtin;
  if (!name.startsWith('.')) {
    problems.push({
      ...at,
      ruleId: 'config/pack-missing',
      message: `unknown pack "${name}": built-in packs are ${[...input.builtinPacks.keys()].join(', ')}; local packs start with ./`,
    });
    return undefined;
  }
  const base = joinRelative(dirname(at.file), name);
  if (base === undefined) {
    problems.push({ ...at, message: `pack path "${name}" leaves the workspace root; packs must live inside it` });
    return undefined;
  }
  return {
    name: base,
    read: (p) => {
      const full = joinRelative(base, p);
      return full === undefined ? Promise.resolve(undefined) : input.readWorkspaceFile(full);
    },
  };
}

/** Joins posix paths; `undefined` when the result would leave the root (`..` too far, absolute). */
export function joinRelative(base: string, rel: string): string | undefined {
  if (rel.startsWith('/') || /^[A-Za-z]:/.test(rel) || rel.includes('\\')) return undefined;
  const out: string[] = [];
  for (const seg of `${base}/${rel}`.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(seg);
  }
  return out.join('/');
}

/** The folder part of a posix path (`''` at the root). */
export function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i === -1 ? '' : p.slice(0, i);
}
