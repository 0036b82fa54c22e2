import { createHash } from 'node:crypto';
import { fileHash } from './readParse';
import { closeSync, fstatSync, ftruncateSync, promises as fsp, openSync, readSync, realpathSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import * as path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { crc32 } from 'node:zlib';
import {
  type CachedFile,
  type CachedFileState,
  type CachedState,
  type CachedSummary,
  type CachedWorkspace,
  packFileState,
  type SearchPart,
  type SearchPartChunks,
  unpackFileState,
  type WarmCache,
} from '../core';

const MAGIC = Buffer.from('OPSBOOK-CACHE 6\n', 'latin1');
const END = Buffer.from('OPSBKEND', 'latin1');
/**
 * The search part: magic, signature hash (64 hex), length and CRC-32 of the eager payload and
 * of the lazy one, both payloads (the eager one 8-byte aligned), END.
 */
const SEARCH_MAGIC = Buffer.from('OPSBOOK-SEARCH2\n', 'latin1');
/** The report part: the same layout under its own magic (same length). */
const REPORT_MAGIC = Buffer.from('OPSBOOK-REPORT1\n', 'latin1');
const SEARCH_HEAD = SEARCH_MAGIC.length + 64 + 16;
/** Lazy payload read (and checked) this much at a time. */
const LAZY_BLOCK = 1 << 16;
/** Trailer: index length (uint32 LE), index CRC-32 (uint32 LE), END. */
const TRAILER = 8 + END.length;
/** Files per state slice: each slice is (de)serialized in well under 50 ms. */
const SLICE = 100;

/** `$OPSBOOK_CACHE_DIR`, else `$XDG_CACHE_HOME/opsbook/workspaces`, else `~/.cache/opsbook/workspaces`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env['OPSBOOK_CACHE_DIR']) return env['OPSBOOK_CACHE_DIR'];
  return path.join(env['XDG_CACHE_HOME'] || path.join(homedir(), '.cache'), 'opsbook', 'workspaces');
}

interface Part {
  at: number;
  length: number;
  crc: number;
}

/** Where everything is: written after the payloads, found through the fixed-size trailer. */
interface Index {
  signature: string;
  savedAt: number;
  today: string;
  summary: Part | null;
  slices: Part[];
}

/** One slice of the state: some files' computed state and some entries of the file table. */
interface Slice {
  files: CachedFileState[];
  table: [string, CachedFile][];
}

/**
 * The warm-start cache of one workspace folder, in one file outside the repository: the
 * V8-serialized summary (file table and diagnostics: all a `check` of an unchanged workspace
 * needs), then the state in slices of 100 files, then an index of those parts and a trailer.
 * Every part has its own length and CRC-32 and is checked before it is deserialized; the
 * editor reads and writes the slices with pauses between them, so a 50,000-file state never
 * holds its extension host for long. A file that fails any check (truncated, flipped bits,
 * another engine version or configuration) is ignored and rewritten: never trusted.
 */
export class NodeWarmCache implements WarmCache {
  readonly file: string;
  private readonly engineVersion: string;

  constructor(root: string, engineVersion: string, dir: string = defaultCacheDir(), configPath = 'opsbook.yaml') {
    let real = root;
    try {
      real = realpathSync(root);
    } catch {
      // a missing root fails later, with a clearer message
    }
    const key = createHash('sha256').update(`${real}\0${configPath}\0${engineVersion}`).digest('hex').slice(0, 32);
    this.file = path.join(dir, `${key}.cache`);
    this.engineVersion = engineVersion;
  }

  hash(content: Uint8Array | string): string {
    return fileHash(content);
  }

  now(): number {
    return Date.now();
  }

  /** Marks the cache as used, so pruning keeps it however long ago it was written. */
  private touch(): void {
    const now = new Date(this.now());
    void fsp.utimes(this.file, now, now).catch(() => undefined);
  }

  private signatureHash(signature: string): string {
    return createHash('sha256').update(`${this.engineVersion}\0${signature}`).digest('hex');
  }

  async loadSummary(signature: string): Promise<CachedSummary | undefined> {
    let fd: number | undefined;
    try {
      fd = openSync(this.file, 'r');
      const read = (at: number, length: number): Buffer | undefined => {
        const buf = Buffer.allocUnsafe(length);
        return readSync(fd!, buf, 0, length, at) === length ? buf : undefined;
      };
      const index = parseIndex(read, fstatSync(fd).size, this.signatureHash(signature));
      if (!index?.summary) return undefined;
      const summary = fromStoredSummary(checked<StoredSummary>(read(index.summary.at, index.summary.length), index.summary));
      if (!summary || typeof summary.savedAt !== 'number' || !Array.isArray(summary.diagnostics)) return undefined;
      // The index's time is the one that counts: `restamp` moves it without rewriting the summary.
      summary.savedAt = index.savedAt;
      this.touch();
      return summary;
    } catch {
      return undefined;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  async load(signature: string, pause?: () => Promise<void>): Promise<CachedWorkspace | undefined> {
    let handle: fsp.FileHandle | undefined;
    try {
      handle = await fsp.open(this.file, 'r');
      const { size } = await handle.stat();
      // The trailer and index are small: read them whole, then each slice on its own.
      const tail = Math.min(size, 1 << 20);
      const end = Buffer.allocUnsafe(tail);
      const { bytesRead } = await handle.read(end, 0, tail, size - tail);
      if (bytesRead !== tail) return undefined;
      const head = Buffer.alloc(MAGIC.length);
      await handle.read(head, 0, MAGIC.length, 0);
      const start = size - tail;
      const read = (at: number, length: number): Buffer | undefined => {
        if (at === 0 && length === MAGIC.length) return head;
        return at >= start && at + length <= size ? end.subarray(at - start, at - start + length) : undefined;
      };
      const index = parseIndex(read, size, this.signatureHash(signature));
      if (!index) return undefined;
      const state: CachedState = { format: 1, today: index.today, files: [] };
      const files: Record<string, CachedFile> = Object.create(null) as Record<string, CachedFile>;
      for (const part of index.slices) {
        const buf = Buffer.allocUnsafe(part.length);
        if ((await handle.read(buf, 0, part.length, part.at)).bytesRead !== part.length) return undefined;
        const slice = checked<Slice>(buf, part);
        if (!slice || !Array.isArray(slice.files) || !Array.isArray(slice.table)) return undefined;
        for (const f of slice.files) state.files.push(unpackFileState(f));
        for (const [p, c] of slice.table) files[p] = c;
        if (pause) await pause();
      }
      let summaryIntact = false;
      if (index.summary) {
        const buf = Buffer.allocUnsafe(index.summary.length);
        summaryIntact = (await handle.read(buf, 0, buf.length, index.summary.at)).bytesRead === buf.length && crc32(buf) === index.summary.crc;
      }
      this.touch();
      return { state, files, savedAt: index.savedAt, summaryIntact };
    } catch {
      return undefined;
    } finally {
      await handle?.close();
    }
  }

  /** The search part's file, next to the cache: written by `search`, which `check` never rewrites. */
  private get searchFile(): string {
    return this.file.replace(/\.cache$/, '.search');
  }

  /** The report part's file, next to the cache: written by `report` when it opened the workspace. */
  private get reportFile(): string {
    return this.file.replace(/\.cache$/, '.report');
  }

  /**
   * The search part, when written for this signature and intact: the eager payload read whole,
   * the lazy one checked in blocks and then read a block at a time as queries need it.
   */
  loadSearch(signature: string): Promise<SearchPart | undefined> {
    return Promise.resolve(this.loadPart(this.searchFile, SEARCH_MAGIC, signature));
  }

  saveSearch(signature: string, chunks: SearchPartChunks): Promise<void> {
    return this.savePart(this.searchFile, SEARCH_MAGIC, signature, chunks);
  }

  /** The report part, as the search part (its lazy payload is empty). */
  loadReport(signature: string): Promise<SearchPart | undefined> {
    return Promise.resolve(this.loadPart(this.reportFile, REPORT_MAGIC, signature));
  }

  saveReport(signature: string, chunks: SearchPartChunks): Promise<void> {
    return this.savePart(this.reportFile, REPORT_MAGIC, signature, chunks);
  }

  private loadPart(partFile: string, magic: Buffer, signature: string): SearchPart | undefined {
    let fd: number | undefined;
    try {
      fd = openSync(partFile, 'r');
      const size = fstatSync(fd).size;
      const head = Buffer.alloc(SEARCH_HEAD);
      if (size < SEARCH_HEAD + END.length || readSync(fd, head, 0, SEARCH_HEAD, 0) !== SEARCH_HEAD) return closed(fd);
      if (!head.subarray(0, magic.length).equals(magic)) return closed(fd);
      if (head.toString('latin1', magic.length, magic.length + 64) !== this.signatureHash(signature)) return closed(fd);
      const [eagerLength, eagerCrc, lazyLength, lazyCrc] = [0, 4, 8, 12].map((o) => head.readUInt32LE(magic.length + 64 + o)) as [
        number,
        number,
        number,
        number,
      ];
      if (SEARCH_HEAD + eagerLength + lazyLength + END.length !== size || eagerLength % 8 !== 0) return closed(fd);
      // Checked block by block, then read section by section (`eagerAt`): sections decoded into
      // strings leave nothing behind, and the payload is never held whole (at 50,000 files it
      // is 56 MB, a third of it decoded into strings anyway).
      const block = Buffer.allocUnsafeSlow(LAZY_BLOCK);
      let eagerCheck = 0;
      for (let at = 0; at < eagerLength; at += LAZY_BLOCK) {
        const n = Math.min(LAZY_BLOCK, eagerLength - at);
        if (readSync(fd, block, 0, n, SEARCH_HEAD + at) !== n) return closed(fd);
        eagerCheck = crc32(block.subarray(0, n), eagerCheck);
      }
      if (eagerCheck !== eagerCrc) return closed(fd);
      const lazyAt = SEARCH_HEAD + eagerLength;
      let crc = 0;
      for (let at = 0; at < lazyLength; at += LAZY_BLOCK) {
        const n = Math.min(LAZY_BLOCK, lazyLength - at);
        if (readSync(fd, block, 0, n, lazyAt + at) !== n) return closed(fd);
        crc = crc32(block.subarray(0, n), crc);
      }
      const end = Buffer.alloc(END.length);
      if (crc !== lazyCrc || readSync(fd, end, 0, END.length, size - END.length) !== END.length || !end.equals(END)) return closed(fd);
      this.touch();
      const file = fd;
      let blockAt = -1;
      let blockLength = 0;
      return {
        eager: Buffer.alloc(0),
        eagerAt: (at, length) => {
          if (at < 0 || length < 0 || at + length > eagerLength) throw new Error('outside the search part');
          // Not pooled, so a section's typed arrays are views at their natural alignment.
          const out = Buffer.allocUnsafeSlow(length);
          if (readSync(file, out, 0, length, SEARCH_HEAD + at) !== length) throw new Error('search part cut short');
          return out;
        },
        lazyLength,
        readLazy: (at, length) => {
          if (at < 0 || at + length > lazyLength) throw new Error('outside the search part');
          // Most reads are small and in order (a filter reads every document's fields): a block at a time.
          if (length > LAZY_BLOCK / 4) {
            const out = Buffer.allocUnsafe(length);
            if (readSync(file, out, 0, length, lazyAt + at) !== length) throw new Error('search part cut short');
            return out;
          }
          if (at < blockAt || at + length > blockAt + blockLength) {
            blockAt = at;
            blockLength = readSync(file, block, 0, Math.min(LAZY_BLOCK, lazyLength - at), lazyAt + at);
            if (blockLength < length) throw new Error('search part cut short');
          }
          return block.subarray(at - blockAt, at - blockAt + length);
        },
        close: () => closeSync(file),
      };
    } catch {
      if (fd !== undefined) closed(fd);
      return undefined;
    }
  }

  private async savePart(partFile: string, magic: Buffer, signature: string, chunks: SearchPartChunks): Promise<void> {
    await fsp.mkdir(path.dirname(this.file), { recursive: true });
    const tmp = `${partFile}.${process.pid}.${Date.now()}.tmp`;
    const measure = (parts: readonly Uint8Array[]): [number, number] => {
      let length = 0;
      let crc = 0;
      for (const c of parts) {
        length += c.length;
        crc = crc32(c, crc);
      }
      return [length, crc];
    };
    const head = Buffer.alloc(SEARCH_HEAD);
    magic.copy(head, 0);
    head.write(this.signatureHash(signature), magic.length, 'latin1');
    [...measure(chunks.eager), ...measure(chunks.lazy)].forEach((v, i) => head.writeUInt32LE(v, magic.length + 64 + 4 * i));
    const handle = await fsp.open(tmp, 'w', 0o600);
    try {
      await handle.writev([head, ...chunks.eager, ...chunks.lazy, END]);
      await handle.close();
      await fsp.rename(tmp, partFile);
    } catch (err) {
      await handle.close().catch(() => undefined);
      await fsp.rm(tmp, { force: true });
      throw err;
    }
  }

  /**
   * Rewrites only the index, with `savedAt` moved to `to`, in place (a few KB even for 50,000
   * files); nothing happens when the cache is no longer the one written at `from`. A reader that
   * meets a half-written index finds its CRC-32 wrong and ignores the cache, as after a crash;
   * a save renamed over the file meanwhile is not touched (the open file is the old one).
   */
  async restamp(signature: string, from: number, to: number): Promise<void> {
    if (!(to > from)) return;
    let fd: number | undefined;
    try {
      fd = openSync(this.file, 'r+');
      const file = fd;
      const read = (at: number, length: number): Buffer | undefined => {
        const buf = Buffer.allocUnsafe(length);
        return readSync(file, buf, 0, length, at) === length ? buf : undefined;
      };
      const size = fstatSync(fd).size;
      const index = parseIndex(read, size, this.signatureHash(signature));
      if (!index || index.savedAt !== from) return;
      const at = size - TRAILER - read(size - TRAILER, TRAILER)!.readUInt32LE(0);
      const indexBuf = Buffer.from(JSON.stringify({ ...index, savedAt: to }), 'utf8');
      const trailer = Buffer.alloc(TRAILER);
      trailer.writeUInt32LE(indexBuf.length, 0);
      trailer.writeUInt32LE(crc32(indexBuf), 4);
      END.copy(trailer, 8);
      const tail = Buffer.concat([indexBuf, trailer]);
      if (writeSync(fd, tail, 0, tail.length, at) === tail.length && at + tail.length < size) ftruncateSync(fd, at + tail.length);
    } catch {
      // the cache only saves time: the next save writes it whole
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  async save(signature: string, data: CachedWorkspace, summary: CachedSummary | undefined, pause?: () => Promise<void>): Promise<void> {
    await fsp.mkdir(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.${Date.now()}.tmp`;
    const handle = await fsp.open(tmp, 'w', 0o600);
    let at = 0;
    const write = async (buf: Buffer): Promise<Part> => {
      const part = { at, length: buf.length, crc: crc32(buf) };
      await handle.write(buf, 0, buf.length, at);
      at += buf.length;
      return part;
    };
    try {
      await write(MAGIC);
      const index: Index = { signature: this.signatureHash(signature), savedAt: data.savedAt, today: data.state.today, summary: null, slices: [] };
      if (summary) index.summary = await write(serialize(toStoredSummary(summary)));
      const table = Object.entries(data.files);
      const files = data.state.files;
      const count = Math.max(1, Math.ceil(Math.max(files.length, table.length) / SLICE));
      for (let i = 0; i < count; i++) {
        const slice: Slice = { files: files.slice(i * SLICE, (i + 1) * SLICE).map(packFileState), table: table.slice(i * SLICE, (i + 1) * SLICE) };
        index.slices.push(await write(serialize(slice)));
        if (pause) await pause();
      }
      const indexBuf = Buffer.from(JSON.stringify(index), 'utf8');
      const trailer = Buffer.alloc(TRAILER);
      trailer.writeUInt32LE(indexBuf.length, 0);
      trailer.writeUInt32LE(crc32(indexBuf), 4);
      END.copy(trailer, 8);
      await write(indexBuf);
      await write(trailer);
      await handle.close();
      await fsp.rename(tmp, this.file);
      await pruneCacheDir(path.dirname(this.file), this.now());
    } catch (err) {
      await handle.close().catch(() => undefined);
      await fsp.rm(tmp, { force: true });
      throw err;
    }
  }
}

/** Caches unused this long are deleted (other folders, older engine builds). */
const UNUSED_MS = 30 * 24 * 3600_000;
/** Temporary files of a save that never finished (a killed process). */
const ABANDONED_MS = 3600_000;

/**
 * Deletes caches nobody has written for 30 days and abandoned temporary files, so a cache
 * folder does not grow with every engine build and every folder ever opened.
 */
export async function pruneCacheDir(dir: string, now: number): Promise<void> {
  let names: string[];
  try {
    names = await fsp.readdir(dir);
  } catch {
    return;
  }
  await Promise.all(
    names.map(async (name) => {
      const limit =
        name.endsWith('.cache') || name.endsWith('.search') || name.endsWith('.report') ? UNUSED_MS : name.endsWith('.tmp') ? ABANDONED_MS : undefined;
      if (limit === undefined) return;
      const file = path.join(dir, name);
      try {
        if (now - (await fsp.stat(file)).mtimeMs > limit) await fsp.rm(file, { force: true });
      } catch {
        // gone already, or not ours to delete
      }
    }),
  );
}

/**
 * The summary as stored: its file table in columns (paths, sizes, times, hashes) rather than
 * an object per file, which V8 deserializes several times faster (50,000 files: ~100 ms as
 * objects) — the summary is what `check` of an unchanged workspace, and the editor's first
 * problems, wait for.
 */
interface StoredSummary extends Omit<CachedSummary, 'files'> {
  table: { paths: string[]; sizes: Float64Array; mtimes: Float64Array; hashes: string[] };
}

function toStoredSummary({ files, ...rest }: CachedSummary): StoredSummary {
  const paths = Object.keys(files);
  const sizes = new Float64Array(paths.length);
  const mtimes = new Float64Array(paths.length);
  const hashes = paths.map((p, i) => {
    const f = files[p]!;
    sizes[i] = f.size;
    mtimes[i] = f.mtimeMs;
    return f.hash;
  });
  return { ...rest, table: { paths, sizes, mtimes, hashes } };
}

function fromStoredSummary(stored: StoredSummary | undefined): CachedSummary | undefined {
  const table = stored?.table;
  if (
    !stored ||
    !table ||
    !Array.isArray(table.paths) ||
    !Array.isArray(table.hashes) ||
    !(table.sizes instanceof Float64Array) ||
    !(table.mtimes instanceof Float64Array)
  )
    return undefined;
  const n = table.paths.length;
  if (table.hashes.length !== n || table.sizes.length !== n || table.mtimes.length !== n) return undefined;
  const files: Record<string, CachedFile> = Object.create(null) as Record<string, CachedFile>;
  for (let i = 0; i < n; i++) files[table.paths[i]!] = { size: table.sizes[i]!, mtimeMs: table.mtimes[i]!, hash: table.hashes[i]! };
  const { table: _table, ...rest } = stored;
  return { ...rest, files };
}

/** The index, if the file starts and ends as a cache should and was written for `signature`. */
function parseIndex(read: (at: number, length: number) => Buffer | undefined, size: number, signature: string): Index | undefined {
  if (size < MAGIC.length + TRAILER) return undefined;
  const magic = read(0, MAGIC.length);
  const trailer = read(size - TRAILER, TRAILER);
  if (!magic?.equals(MAGIC) || !trailer?.subarray(8).equals(END)) return undefined;
  const length = trailer.readUInt32LE(0);
  if (length <= 0 || length > size - MAGIC.length - TRAILER) return undefined;
  const buf = read(size - TRAILER - length, length);
  if (!buf || crc32(buf) !== trailer.readUInt32LE(4)) return undefined;
  const index = JSON.parse(buf.toString('utf8')) as Index;
  if (index.signature !== signature || typeof index.savedAt !== 'number' || typeof index.today !== 'string' || !Array.isArray(index.slices)) return undefined;
  const inside = (p: Part | null): boolean =>
    p === null || (Number.isInteger(p.at) && Number.isInteger(p.length) && p.length > 0 && p.at >= MAGIC.length && p.at + p.length <= size - TRAILER - length);
  return inside(index.summary) && index.slices.every(inside) ? index : undefined;
}

function closed(fd: number): undefined {
  closeSync(fd);
  return undefined;
}

/** A part's payload, deserialized only when its length and CRC-32 match. */
function checked<T>(buf: Buffer | undefined, part: Part): T | undefined {
  if (!buf || buf.length !== part.length || crc32(buf) !== part.crc) return undefined;
  return deserialize(buf) as T;
}
