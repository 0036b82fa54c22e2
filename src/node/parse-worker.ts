import { parentPort } from 'node:worker_threads';
import { parseFile } from '../core/parse/file';

// Parses a batch of files and posts the plain results back (see parallel.ts).
parentPort?.once('message', (files: { path: string; content: Uint8Array | string }[]) => {
  parentPort?.postMessage(files.map((f) => parseFile(f.path, f.content)));
});
