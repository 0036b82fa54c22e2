import { createHash } from 'node:crypto';
import { closeSync, promises as fsp, openSync, readSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import * as path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { crc32 } from 'node:zlib';
import type { CachedSummary, CachedWorkspace, WarmCache } from '../core/host';

const MAGIC = 'OPSBOOK-CACHE 1\n';

/** `$OPSBOOK_CACHE_DIR`, else `$XDG_CACHE_HOME/opsbook/workspaces`, else `~/.cache/opsbook/workspaces`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env['OPSBOOK_CACHE_DIR']) return env['OPSBOOK_CACHE_DIR'];
  return path.join(env['XDG_CACHE_HOME'] || path.join(homedir(), '.cache'), 'opsbook', 'workspaces');
}

/**
 * The warm-start cache of one workspace folder, in one file outside the repository:
 * a header line (signature hash, lengths and CRC-32s), then the V8-serialized summary (file
 * table and diagnostics: all a `check` of an unchanged workspace needs) and state.
 * A file that fails any check (truncated, flipped bits, another engine version or
 * configuration) is ignored and rewritten: never trusted.
 */
export class NodeWarmCache implements WarmCache {
  readonly file: string;

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

  private readonly engineVersion: string;

  hash(content: Uint8Array | string): string {
    return createHash('sha1').update(content).digest('base64');
  }

  now(): number {
    return Date.now();
  }

  private signatureHash(signature: string): string {
    return createHash('sha256').update(`${this.engineVersion}\0${signature}`).digest('hex');
  }

  /**
   * Reads the header and, of the two payloads (summary, then state), the ones asked for; each
   * is checked against its length and CRC-32 before it is deserialized.
   */
  private read(signature: string, withState: boolean): { summary: CachedSummary; state?: CachedWorkspace } | undefined {
    let fd: number | undefined;
    try {
      fd = openSync(this.file, 'r');
      const head = Buffer.alloc(4096);
      const got = readSync(fd, head, 0, head.length, 0);
      const nl = head.indexOf(10, MAGIC.length);
      if (head.subarray(0, MAGIC.length).toString('latin1') !== MAGIC || nl === -1 || nl >= got) return undefined;
      const header = JSON.parse(head.subarray(MAGIC.length, nl).toString('utf8')) as Header;
      if (header.signature !== this.signatureHash(signature)) return undefined;
      const summaryAt = nl + 1;
      const summary = this.payload<CachedSummary>(fd, summaryAt, header.summaryLength, header.summaryCrc);
      if (!summary || typeof summary.savedAt !== 'number' || !Array.isArray(summary.diagnostics) || typeof summary.files !== 'object') return undefined;
      if (!withState) return { summary };
      const state = this.payload<CachedWorkspace>(fd, summaryAt + header.summaryLength, header.stateLength, header.stateCrc);
      if (!state || state.state?.format !== 1 || !Array.isArray(state.state.files) || typeof state.files !== 'object') return undefined;
      return { summary, state };
    } catch {
      return undefined;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  private payload<T>(fd: number, at: number, length: number, crc: number): T | undefined {
    if (!Number.isInteger(length) || length <= 0) return undefined;
    const buf = Buffer.allocUnsafe(length);
    if (readSync(fd, buf, 0, length, at) !== length || crc32(buf) !== crc) return undefined;
    return deserialize(buf) as T;
  }

  async load(signature: string): Promise<CachedWorkspace | undefined> {
    return this.read(signature, true)?.state;
  }

  async loadSummary(signature: string): Promise<CachedSummary | undefined> {
    return this.read(signature, false)?.summary;
  }

  async save(signature: string, data: CachedWorkspace, summary: CachedSummary): Promise<void> {
    const summaryBuf = serialize(summary);
    const stateBuf = serialize(data);
    const header: Header = { signature: this.signatureHash(signature), summaryLength: summaryBuf.length, summaryCrc: crc32(summaryBuf), stateLength: stateBuf.length, stateCrc: crc32(stateBuf) };
    await fsp.mkdir(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    await fsp.writeFile(tmp, Buffer.concat([Buffer.from(`${MAGIC}${JSON.stringify(header)}\n`, 'utf8'), summaryBuf, stateBuf]), { mode: 0o600 });
    await fsp.rename(tmp, this.file);
  }
}

interface Header {
  signature: string;
  summaryLength: number;
  summaryCrc: number;
  stateLength: number;
  stateCrc: number;
}
