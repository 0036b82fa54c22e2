import * as path from 'node:path';
import { openWorkspace } from '../../src/core/engine';
import type { OpsbookWorkspace as Workspace } from '../../src/core/index';
import { NodeWorkspaceFs } from '../../src/node/fs';
import { builtinPacks } from '../../src/node/host';
import type { FolderInput } from '../../src/vscode/views/viewNode';

export const SAMPLE_ROOT = path.resolve(__dirname, '../../samples/lumen-oak');
export const SAMPLE_KEY = 'file:///work/lumen-oak';

let cached: Promise<Workspace> | undefined;

/** The Lumen & Oak sample on 2026-06-15, opened once per test run (tests only read it). */
export function sampleWorkspace(): Promise<Workspace> {
  cached ??= openWorkspace({ fs: new NodeWorkspaceFs(SAMPLE_ROOT), builtinPacks: builtinPacks(), clock: () => '2026-06-15', today: '2026-06-15' }).then((r) => {
    if (r.configProblems.length > 0) throw new Error(`sample config problems: ${JSON.stringify(r.configProblems)}`);
    return r.workspace;
  });
  return cached;
}

export async function sampleFolder(key = SAMPLE_KEY, name = 'lumen-oak'): Promise<FolderInput> {
  return { key, name, workspace: await sampleWorkspace() };
}

/** Opens an in-memory workspace from inline files (posix path → text), on 2026-06-15. */
export async function openInline(files: Record<string, string>): Promise<Workspace> {
  const fs = {
    listFiles: async (exclude: (p: string) => boolean) =>
      Object.keys(files)
        .filter((p) => !exclude(p))
        .sort(),
    readFile: async (p: string) => files[p],
  };
  const r = await openWorkspace({ fs, builtinPacks: builtinPacks(), clock: () => '2026-06-15', today: '2026-06-15' });
  if (r.configProblems.length > 0) throw new Error(`config problems: ${JSON.stringify(r.configProblems)}`);
  return r.workspace;
}

export async function inlineFolder(files: Record<string, string>, key = 'file:///work/inline', name = 'inline'): Promise<FolderInput> {
  return { key, name, workspace: await openInline(files) };
}
