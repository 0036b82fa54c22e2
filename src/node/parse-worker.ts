import { parentPort } from 'node:worker_threads';
import { rangesOf, type ParseInput, type RangeJob } from '../core';
import { readAndParse } from './readParse';

// Parses batches of files, or works out source ranges, and posts the plain results back (see parallel.ts).
parentPort?.on('message', (msg: { id: number; files?: ParseInput[]; ranges?: RangeJob[] }) => {
  parentPort?.postMessage({ id: msg.id, results: msg.ranges ? msg.ranges.map(rangesOf) : (msg.files ?? []).map(readAndParse) });
});
