import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { openWorkspace, type EngineInit, type OpenResult } from '../../src/core/engine';
import type { WorkspaceFileSystem } from '../../src/core/host';
import { builtinPacks } from '../../src/node/host';

/** An in-memory workspace folder: posix paths relative to the root → contents. */
export class MemFs implements WorkspaceFileSystem {
  readonly files = new Map<string, Uint8Array | string>();

  constructor(files: Record<string, Uint8Array | string> | Map<string, Uint8Array | string> = {}) {
    const entries = files instanceof Map ? [...files] : Object.entries(files);
    for (const [p, c] of entries) this.files.set(p, c);
  }

  async listFiles(exclude: (p: string) => boolean): Promise<string[]> {
    return [...this.files.keys()].filter((p) => !exclude(p) && !dirsOf(p).some((d) => exclude(`${d}/`) || exclude(d))).sort();
  }

  async readFile(p: string): Promise<Uint8Array | string | undefined> {
    return this.files.get(p);
  }

  async size(p: string): Promise<number | undefined> {
    const c = this.files.get(p);
    return c === undefined ? undefined : typeof c === 'string' ? Buffer.byteLength(c) : c.byteLength;
  }

  set(p: string, content: Uint8Array | string): void {
    this.files.set(p, content);
  }

  delete(p: string): void {
    this.files.delete(p);
  }
}

function dirsOf(p: string): string[] {
  const parts = p.split('/');
  const out: string[] = [];
  for (let i = 1; i < parts.length; i++) out.push(parts.slice(0, i).join('/'));
  return out;
}

let packs: ReturnType<typeof builtinPacks> | undefined;

/** The real built-in `ops` pack, read from the repository's schemas/ folder. */
export function opsPacks(): ReturnType<typeof builtinPacks> {
  packs ??= builtinPacks(path.resolve(__dirname, '../../schemas'));
  return packs;
}

export const TODAY = '2026-06-15';

/** Opens an in-memory workspace with the built-in packs and a fixed date. */
export async function openMem(
  files: Record<string, Uint8Array | string> | MemFs,
  options: Partial<Omit<EngineInit, 'fs' | 'builtinPacks'>> = {},
): Promise<OpenResult & { fs: MemFs }> {
  const fs = files instanceof MemFs ? files : new MemFs(files);
  const init: EngineInit = { fs, builtinPacks: opsPacks(), clock: () => TODAY, ...options };
  if (!('today' in options) && !options.today) init.today = TODAY;
  const res = await openWorkspace(init);
  return { ...res, fs };
}

/** Every file below a folder on disk, as a map of posix relative path → text. */
export function readTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string): void => {
    const abs = path.join(dir, rel);
    for (const name of readdirSync(abs).sort()) {
      const r = rel ? `${rel}/${name}` : name;
      if (statSync(path.join(dir, r)).isDirectory()) walk(r);
      else out.set(r, readFileSync(path.join(dir, r), 'utf8'));
    }
  };
  walk('');
  return out;
}

export const REPO = path.resolve(__dirname, '../..');
