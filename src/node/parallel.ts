import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { parseFile, type ParsedFile } from '../core/parse/file';

type Input = { path: string; content: Uint8Array | string };

/** Below this many files, starting workers costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 400;

/**
 * Parses files on worker threads (one per core) when the bundled worker exists next to this
 * module; in-thread otherwise. Parsing is pure, so results are identical either way.
 */
export function parallelParser(workerFile = path.join(__dirname, 'parse-worker.js')): ((files: Input[]) => Promise<ParsedFile[]>) | undefined {
  if (!existsSync(workerFile)) return undefined;
  return async (files) => {
    const threads = Math.min(availableParallelism(), 4);
    if (files.length < MIN_FILES_FOR_WORKERS || threads < 2) return files.map((f) => parseFile(f.path, f.content));
    // Interleave so both workers get a similar mix of large and small files.
    const chunks: Input[][] = Array.from({ length: threads }, () => []);
    files.forEach((f, i) => chunks[i % threads]?.push(f));
    const results = await Promise.all(chunks.map((chunk) => runWorker(workerFile, chunk)));
    const byPath = new Map<string, ParsedFile>();
    for (const list of results) for (const p of list) byPath.set(p.path, p);
    return files.map((f) => byPath.get(f.path) as ParsedFile);
  };
}

function runWorker(file: string, chunk: Input[]): Promise<ParsedFile[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(file);
    worker.once('message', (msg: ParsedFile[]) => {
      resolve(msg);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`parse worker exited with code ${code}`));
    });
    worker.postMessage(chunk);
  });
}
