import { parentPort } from 'node:worker_threads';
import type { ParseInput } from '../core';
import { readAndParse } from './readParse';

// Parses batches of files and posts the plain results back (see parallel.ts).
parentPort?.on('message', (msg: { id: number; files: ParseInput[] }) => {
  parentPort?.postMessage({ id: msg.id, results: msg.files.map(readAndParse) });
});
