import { promises as fsp, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { FileStamp, PackSource, WorkspaceFileSystem } from '../core';

/** Directory entries matched between turns of the event loop. */
const ENTRIES_PER_TURN = 2048;

/**
 * The workspace seen through Node's fs. Symbolic links are followed only when they resolve
 * inside the root, and every directory is visited once, so link loops and links out of the
 * workspace are never read.
 */
export class NodeWorkspaceFs implements WorkspaceFileSystem {
  readonly root: string;
  private realRoot: string | undefined;
  /** Files found by `listFiles` without passing through a symbolic link: safe to read directly. */
  private readonly plainFiles = new Set<string>();

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  private async real(): Promise<string> {
    this.realRoot ??= await fsp.realpath(this.root);
    return this.realRoot;
  }

  /** Absolute path of a workspace path, or undefined when it would leave the root. */
  resolve(rel: string): string | undefined {
    const abs = path.resolve(this.root, rel);
    const relBack = path.relative(this.root, abs);
    if (relBack.startsWith('..') || path.isAbsolute(relBack)) return undefined;
    return abs;
  }

  async listFiles(exclude: (p: string) => boolean): Promise<string[]> {
    const realRoot = await this.real();
    const out: string[] = [];
    const visited = new Set<string>();
    const walk = async (dirRel: string, linked: boolean): Promise<void> => {
      const abs = dirRel ? path.join(this.root, dirRel) : this.root;
      let real: string;
      try {
        real = await fsp.realpath(abs);
      } catch {
        return;
      }
      if (visited.has(real) || !isInside(realRoot, real)) return;
      visited.add(real);
      let entries: import('node:fs').Dirent[];
      try {
        entries = await fsp.readdir(abs, { withFileTypes: true });
      } catch {
        return;
      }
      const subdirs: [string, boolean][] = [];
      let seen = 0;
      for (const ent of entries) {
        // A folder of thousands of files: matching them all at once would hold an editor's host.
        if (++seen % ENTRIES_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
        const rel = dirRel ? `${dirRel}/${ent.name}` : ent.name;
        let isDir = ent.isDirectory();
        let isFile = ent.isFile();
        const viaLink = ent.isSymbolicLink() || linked;
        if (ent.isSymbolicLink()) {
          try {
            const target = await fsp.realpath(path.join(abs, ent.name));
            if (!isInside(realRoot, target)) continue;
            const st = await fsp.stat(target);
            isDir = st.isDirectory();
            isFile = st.isFile();
          } catch {
            continue;
          }
        }
        if (exclude(isDir ? `${rel}/` : rel) || exclude(rel)) continue;
        if (isDir) subdirs.push([rel, viaLink]);
        else if (isFile) {
          out.push(rel);
          if (!viaLink) this.plainFiles.add(rel);
        }
      }
      for (const [d, l] of subdirs) await walk(d, l);
    };
    await walk('', false);
    return out;
  }

  async readFile(rel: string): Promise<Uint8Array | undefined> {
    const abs = this.resolve(rel);
    if (!abs) return undefined;
    try {
      // Synchronous on purpose: for thousands of small files the promise API's open/stat/read/close
      // round trips cost more than the reads (measured: ~0.7 s of 10,000 files' 1 s).
      if (this.plainFiles.has(rel)) return readFileSync(abs);
      const real = await fsp.realpath(abs);
      if (!isInside(await this.real(), real)) return undefined;
      return await fsp.readFile(real);
    } catch {
      return undefined;
    }
  }

  /** The absolute path of a file found by `listFiles` that may be read directly (no symbolic link on the way). */
  directPath(rel: string): string | undefined {
    // Listed by the walk, so inside the root by construction: no containment check (~6 µs a file).
    return this.plainFiles.has(rel) ? path.join(this.root, rel) : undefined;
  }

  async stamp(rel: string): Promise<FileStamp | undefined> {
    const abs = this.resolve(rel);
    if (!abs) return undefined;
    try {
      const st = statSync(abs);
      return { size: st.size, mtimeMs: st.mtimeMs };
    } catch {
      return undefined;
    }
  }

  async size(rel: string): Promise<number | undefined> {
    const abs = this.resolve(rel);
    if (!abs) return undefined;
    try {
      return (await fsp.stat(abs)).size;
    } catch {
      return undefined;
    }
  }
}

function isInside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** A pack folder on disk (the built-in packs ship in the package's `schemas/` folder). */
export class DirectoryPackSource implements PackSource {
  constructor(
    readonly name: string,
    private readonly dir: string,
  ) {}

  async read(rel: string): Promise<string | undefined> {
    const abs = path.resolve(this.dir, rel);
    if (!isInside(this.dir, abs)) return undefined;
    try {
      return await fsp.readFile(abs, 'utf8');
    } catch {
      return undefined;
    }
  }
}
