import { parentPort } from 'node:worker_threads';
import { parseFile, resolveRanges, type RangeJob } from '../core';

// Parses batches of files, or resolves the source ranges of diagnostics, and posts the plain
// results back (see parallel.ts).
parentPort?.on('message', (msg: { id: number; files?: { path: string; content: Uint8Array | string }[]; ranges?: RangeJob[] }) => {
  const results = msg.ranges ? msg.ranges.map(resolveRanges) : (msg.files ?? []).map((f) => parseFile(f.path, f.content));
  parentPort?.postMessage({ id: msg.id, results });
});
