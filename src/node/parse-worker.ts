import { parentPort } from 'node:worker_threads';
import { packFileState, rangesOf, type ParseInput, type RangeJob } from '../core';
import { readAndParse } from './readParse';

// Parses batches of files, or works out source ranges, and posts the plain results back (see
// parallel.ts). A parsed file's YAML text and Markdown body go as offsets into its text: the
// message would otherwise carry (and the main thread copy) the text twice.
parentPort?.on('message', (msg: { id: number; files?: ParseInput[]; ranges?: RangeJob[] }) => {
  parentPort?.postMessage({
    id: msg.id,
    results: msg.ranges ? msg.ranges.map(rangesOf) : (msg.files ?? []).map((f) => packFileState({ parsed: readAndParse(f) })),
  });
});
