import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { WorkspaceFileSystem } from '../core';

/** A git failure with a message meant for the user (the CLI exits 2 with it). */
export class GitError extends Error {}

const MAX_OUTPUT = 512 * 1024 * 1024;

/**
 * Runs the `git` binary with argument arrays (never a shell), no terminal prompts and no
 * repository hooks that read the index (fsmonitor). Only reading commands are used: nothing
 * here touches the working tree, the index or the refs.
 */
export class Git {
  constructor(
    /** The folder commands run in: any folder inside the repository. */
    readonly cwd: string,
    private readonly binary = 'git',
  ) {}

  private baseArgs(): string[] {
    return ['-c', 'core.quotepath=off', '-c', 'core.fsmonitor=false', '--no-pager'];
  }

  private env(): NodeJS.ProcessEnv {
    return { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' };
  }

  /** Runs git and returns stdout; rejects with the exit code and stderr on failure. */
  run(args: string[]): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      execFile(
        this.binary,
        [...this.baseArgs(), ...args],
        { cwd: this.cwd, env: this.env(), encoding: 'buffer', maxBuffer: MAX_OUTPUT, windowsHide: true },
        (err, stdout, stderr) => {
          if (err) {
            const e = err as NodeJS.ErrnoException & { code?: number | string };
            if (e.code === 'ENOENT') reject(new GitError(`git was not found (tried "${this.binary}"): install git or put it on the PATH`));
            else reject(Object.assign(new GitError(`git ${args[0] ?? ''} failed: ${stderr.toString('utf8').trim() || e.message}`), { exitCode: e.code }));
            return;
          }
          resolve(stdout);
        },
      );
    });
  }

  private async text(args: string[]): Promise<string> {
    return (await this.run(args)).toString('utf8').trim();
  }

  /** The repository root and the path of `cwd` inside it (`samples/lumen-oak/`, or `''`). */
  async location(): Promise<{ toplevel: string; prefix: string }> {
    let out: string;
    try {
      out = await this.text(['rev-parse', '--show-toplevel', '--show-prefix']);
    } catch (err) {
      if (err instanceof GitError && /not a git repository/i.test(err.message)) throw new GitError(`${this.cwd} is not inside a git repository`);
      throw err;
    }
    const [toplevel = '', prefix = ''] = out.split('\n');
    return { toplevel, prefix: prefix.trim() };
  }

  async isShallow(): Promise<boolean> {
    try {
      return (await this.text(['rev-parse', '--is-shallow-repository'])) === 'true';
    } catch {
      return false;
    }
  }

  /**
   * The commit a revision names. Revisions that could be read as options or that hold control
   * characters are refused before git sees them; a missing revision gets a message that says
   * how to fetch it (CI checkouts are often shallow).
   */
  async resolveCommit(rev: string): Promise<string> {
    validateRevision(rev);
    try {
      const sha = await this.text(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]);
      if (/^[0-9a-f]{40,64}$/.test(sha)) return sha;
    } catch {
      // reported below
    }
    const shallow = await this.isShallow();
    const hint = shallow
      ? `this is a shallow clone: fetch the base first (git fetch --no-tags --depth=1 origin ${rev.replace(/^origin\//, '')}), or check out with fetch-depth: 0`
      : `fetch it first (git fetch origin ${rev.replace(/^origin\//, '')}) or check the spelling`;
    throw new GitError(`revision "${rev}" was not found in this repository: ${hint}`);
  }

  /** Files (not symlinks or submodules) of a folder at a commit, relative to that folder, with blob ids and sizes. */
  async listTree(commit: string, prefix: string): Promise<Map<string, { oid: string; size: number }>> {
    const folder = prefix.replace(/\/+$/, '');
    const treeish = folder ? `${commit}:${folder}` : commit;
    let out: Buffer;
    try {
      out = await this.run(['ls-tree', '-r', '-z', '-l', '--full-tree', '--end-of-options', treeish]);
    } catch (err) {
      // A workspace folder added after this commit: everything in it is new.
      if (folder && !(await this.exists(`${commit}:${folder}`))) return new Map();
      throw err;
    }
    const files = new Map<string, { oid: string; size: number }>();
    for (const rec of out.toString('utf8').split('\0')) {
      // <mode> SP <type> SP <object> SP+ <size> TAB <path>
      const tab = rec.indexOf('\t');
      if (tab === -1) continue;
      const [mode, type, oid, size] = rec.slice(0, tab).split(/ +/);
      if (type !== 'blob' || mode === '120000' || !oid) continue;
      files.set(rec.slice(tab + 1), { oid, size: Number(size) });
    }
    return files;
  }

  private async exists(object: string): Promise<boolean> {
    try {
      await this.run(['rev-parse', '--verify', '--quiet', '--end-of-options', object]);
      return true;
    } catch {
      return false;
    }
  }

  /** A long-running `git cat-file --batch` reading blobs by id, one request at a time in order. */
  blobReader(): BlobReader {
    return new BlobReader(spawn(this.binary, [...this.baseArgs(), 'cat-file', '--batch'], { cwd: this.cwd, env: this.env(), windowsHide: true }));
  }
}

/** Rejects revisions that git could take as options, or that carry control characters. */
export function validateRevision(rev: string): void {
  if (rev === '') throw new GitError('a revision must not be empty');
  if (rev.startsWith('-')) throw new GitError(`revision "${rev}" is not allowed: revisions must not start with "-"`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(rev)) throw new GitError('revision contains control characters (NUL, newline…)');
  if (rev.length > 1000) throw new GitError('revision is too long');
}

/**
 * Streams blobs out of one `git cat-file --batch` process: requests are written as object ids,
 * answers (`<oid> blob <size>\n<content>\n`) come back in the same order.
 */
export class BlobReader {
  private readonly waiting: { resolve: (b: Buffer | undefined) => void; reject: (e: Error) => void }[] = [];
  private buffer: Buffer = Buffer.alloc(0);
  private failed: Error | undefined;

  constructor(private readonly proc: ChildProcessWithoutNullStreams) {
    proc.stdout.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
    let stderr = '';
    proc.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const fail = (e: Error) => {
      this.failed = e;
      for (const w of this.waiting.splice(0)) w.reject(e);
    };
    proc.on('error', (e) => fail(new GitError(`git cat-file could not start: ${e.message}`)));
    proc.on('close', (code) => {
      if (this.waiting.length > 0) fail(new GitError(`git cat-file stopped (exit ${code}): ${stderr.trim()}`));
    });
    proc.stdin.on('error', (e) => fail(new GitError(`git cat-file: ${e.message}`)));
  }

  /** Contents of a blob, `undefined` when git does not have it. */
  read(oid: string): Promise<Buffer | undefined> {
    if (this.failed) return Promise.reject(this.failed);
    if (!/^[0-9a-f]{40,64}$/.test(oid)) return Promise.reject(new GitError(`not an object id: ${oid}`));
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.proc.stdin.write(`${oid}\n`);
    });
  }

  close(): void {
    this.proc.stdin.end();
  }

  private drain(): void {
    while (this.waiting.length > 0) {
      const nl = this.buffer.indexOf(10);
      if (nl === -1) return;
      const header = this.buffer.subarray(0, nl).toString('utf8');
      if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
        this.buffer = this.buffer.subarray(nl + 1);
        this.waiting.shift()?.resolve(undefined);
        continue;
      }
      const size = Number(header.split(' ')[2]);
      if (!Number.isFinite(size)) {
        this.waiting.shift()?.reject(new GitError(`unexpected git cat-file output: ${header}`));
        this.buffer = this.buffer.subarray(nl + 1);
        continue;
      }
      if (this.buffer.length < nl + 1 + size + 1) return;
      const content = Buffer.from(this.buffer.subarray(nl + 1, nl + 1 + size));
      this.buffer = this.buffer.subarray(nl + 1 + size + 1);
      this.waiting.shift()?.resolve(content);
    }
  }
}

/**
 * A workspace folder as it was at a commit, read from git objects: the same engine loads it as
 * it loads the working tree. Call `close()` when done (it ends the cat-file process).
 */
export class GitRevisionFs implements WorkspaceFileSystem {
  private files: Map<string, { oid: string; size: number }> | undefined;
  private reader: BlobReader | undefined;

  constructor(
    private readonly git: Git,
    readonly commit: string,
    /** The workspace folder inside the repository (`samples/lumen-oak/`, or `''` at the top). */
    private readonly prefix: string,
  ) {}

  private async tree(): Promise<Map<string, { oid: string; size: number }>> {
    this.files ??= await this.git.listTree(this.commit, this.prefix);
    return this.files;
  }

  async listFiles(exclude: (path: string) => boolean): Promise<string[]> {
    const prunedDirs = new Map<string, boolean>();
    const dirPruned = (dir: string): boolean => {
      let v = prunedDirs.get(dir);
      if (v === undefined) {
        const slash = dir.lastIndexOf('/', dir.length - 2);
        v = (slash !== -1 && dirPruned(dir.slice(0, slash + 1))) || exclude(dir) || exclude(dir.slice(0, -1));
        prunedDirs.set(dir, v);
      }
      return v;
    };
    const out: string[] = [];
    for (const p of (await this.tree()).keys()) {
      const slash = p.lastIndexOf('/');
      if (slash !== -1 && dirPruned(p.slice(0, slash + 1))) continue;
      if (!exclude(p)) out.push(p);
    }
    return out;
  }

  async readFile(path: string): Promise<Uint8Array | undefined> {
    const entry = (await this.tree()).get(path);
    if (!entry) return undefined;
    this.reader ??= this.git.blobReader();
    return this.reader.read(entry.oid);
  }

  async size(path: string): Promise<number | undefined> {
    return (await this.tree()).get(path)?.size;
  }

  close(): void {
    this.reader?.close();
    this.reader = undefined;
  }
}

/**
 * Paths (relative to the git folder `git.cwd`, which must be the workspace root) whose contents
 * may differ between a commit and another commit, or the working tree when `head` is undefined.
 * Conservative: renames are listed as a removal and an addition; files git does not track are
 * not listed (callers compare the two sides' path lists for those).
 */
export async function changedPaths(git: Git, base: string, head: string | undefined): Promise<string[]> {
  const out = await git.run(['diff', '--name-only', '-z', '--no-renames', '--no-ext-diff', '--no-textconv', '--relative', base, ...(head ? [head] : []), '--']);
  return out
    .toString('utf8')
    .split('\0')
    .filter((p) => p !== '');
}
