import * as vscode from 'vscode';
import { type FileStamp, joinRelative, type PackSource, type WorkspaceFileSystem } from '../../core';

/** Directory entries matched between turns of the event loop. */
const ENTRIES_PER_TURN = 2048;

/**
 * Resolves a link to its real location for loop and escape checks: the real path when it stays
 * inside the folder, `undefined` otherwise. Only available where the folder is on a local disk.
 */
export type LinkResolver = (uri: vscode.Uri) => Promise<string | undefined>;

/**
 * A workspace folder seen through `vscode.workspace.fs`. Excluded directories are pruned while
 * walking. Symbolic links are followed only when a resolver says they stay inside the folder,
 * and each real directory is visited once (the CLI's Node file system does the same).
 */
export class VscodeWorkspaceFs implements WorkspaceFileSystem {
  constructor(
    private readonly root: vscode.Uri,
    private readonly resolveLink?: LinkResolver,
  ) {}

  uriOf(rel: string): vscode.Uri | undefined {
    const clean = joinRelative('', rel);
    return clean === undefined ? undefined : clean === '' ? this.root : vscode.Uri.joinPath(this.root, ...clean.split('/'));
  }

  /** Files below the root (or below the folder `under`), pruning excluded directories. */
  async listFiles(exclude: (path: string) => boolean, under = ''): Promise<string[]> {
    const out: string[] = [];
    const visited = new Set<string>();
    const walk = async (dirRel: string): Promise<void> => {
      const dirUri = dirRel ? (this.uriOf(dirRel) as vscode.Uri) : this.root;
      if (this.resolveLink) {
        const real = await this.resolveLink(dirUri);
        if (real === undefined || visited.has(real)) return;
        visited.add(real);
      }
      let entries: [string, vscode.FileType][];
      try {
        entries = await vscode.workspace.fs.readDirectory(dirUri);
      } catch {
        return;
      }
      const subdirs: string[] = [];
      let seen = 0;
      for (const [name, type] of entries) {
        // A folder of thousands of files: matching them all at once would hold the host.
        if (++seen % ENTRIES_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
        const rel = dirRel ? `${dirRel}/${name}` : name;
        if (type & vscode.FileType.SymbolicLink) {
          if (!this.resolveLink || (await this.resolveLink(vscode.Uri.joinPath(dirUri, name))) === undefined) continue;
        }
        const isDir = (type & vscode.FileType.Directory) !== 0;
        if (exclude(isDir ? `${rel}/` : rel) || exclude(rel)) continue;
        if (isDir) subdirs.push(rel);
        else if (type & vscode.FileType.File) out.push(rel);
      }
      for (const d of subdirs) await walk(d);
    };
    await walk(under);
    return out;
  }

  async readFile(rel: string): Promise<Uint8Array | undefined> {
    const uri = this.uriOf(rel);
    if (!uri) return undefined;
    try {
      if (this.resolveLink && (await this.resolveLink(uri)) === undefined) return undefined;
      return await vscode.workspace.fs.readFile(uri);
    } catch {
      return undefined;
    }
  }

  async size(rel: string): Promise<number | undefined> {
    const uri = this.uriOf(rel);
    if (!uri) return undefined;
    try {
      return (await vscode.workspace.fs.stat(uri)).size;
    } catch {
      return undefined;
    }
  }

  async stamp(rel: string): Promise<FileStamp | undefined> {
    const uri = this.uriOf(rel);
    if (!uri) return undefined;
    try {
      const st = await vscode.workspace.fs.stat(uri);
      return { size: st.size, mtimeMs: st.mtime };
    } catch {
      return undefined;
    }
  }

  /** Whether the path is a directory (watcher events name folders that were moved or deleted). */
  async isDirectory(rel: string): Promise<boolean> {
    const uri = this.uriOf(rel);
    if (!uri) return false;
    try {
      return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
    } catch {
      return false;
    }
  }
}

/** A pack folder read through `vscode.workspace.fs`: the built-in `ops` pack ships in the extension's `schemas/`. */
export class UriPackSource implements PackSource {
  constructor(
    readonly name: string,
    private readonly dir: vscode.Uri,
  ) {}

  async read(rel: string): Promise<string | undefined> {
    const clean = joinRelative('', rel);
    if (!clean) return undefined;
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.dir, ...clean.split('/'))));
    } catch {
      return undefined;
    }
  }
}
