import { parentPort } from 'node:worker_threads';
import { parseFile } from '../core';

// Parses batches of files and posts the plain results back (see parallel.ts).
parentPort?.on('message', (msg: { id: number; files: { path: string; content: Uint8Array | string }[] }) => {
  parentPort?.postMessage({ id: msg.id, results: msg.files.map((f) => parseFile(f.path, f.content)) });
});
