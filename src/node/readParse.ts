import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { type FileStamp, type ParsedFile, parseInput, type ParseInput } from '../core';

/** The hash of a file's content the warm-start cache keeps (`NodeWarmCache.hash`). */
export function fileHash(content: Uint8Array | string): string {
  return createHash('sha1').update(content).digest('base64');
}

/**
 * Parses an input, reading it first when it names a file (`ParseInput.file`): a parse worker
 * reads its own files, so the bytes never pass through the main thread. Stamped before the
 * read, as the engine stamps (an edit made after the read moves the stamp); a file that cannot
 * be read parses as empty, as one the workspace's `readFile` cannot read.
 */
export function readAndParse(input: ParseInput): ParsedFile {
  if (input.content !== undefined || input.file === undefined) return parseInput(input);
  let stamp: FileStamp | undefined;
  let content: Uint8Array | string = '';
  let fd: number | undefined;
  try {
    // Opened once: stamped and read through the same descriptor (a path lookup fewer per file).
    fd = openSync(input.file, 'r');
    if (input.stamp) {
      const st = fstatSync(fd);
      stamp = { size: st.size, mtimeMs: st.mtimeMs };
    }
    content = readFileSync(fd);
  } catch {
    // gone since it was listed, or unreadable
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  const parsed = parseInput({ path: input.path, content });
  if (stamp) parsed.read = { ...stamp, hash: fileHash(content) };
  return parsed;
}
