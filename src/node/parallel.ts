import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { type OpsbookWorkspace, type ParsedFile, parseFile, type Range, type RangeJob } from '../core';

type Input = { path: string; content: Uint8Array | string };
type Job = { id: number; resolve: (r: unknown[]) => void; reject: (e: unknown) => void };

/** Below this many files in a batch, a round trip to a worker costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 64;

/**
 * A pool of parse workers (one per core, at most 4). The engine streams batches through it
 * while its own thread indexes finished batches, so parsing and analysis overlap. Workers are
 * unreferenced while idle, so they never keep a CLI process alive.
 */
class ParsePool {
  private readonly workers: { worker: Worker; jobs: Map<number, Job> }[] = [];
  private nextId = 0;

  constructor(
    private readonly file: string,
    private readonly size: number,
  ) {}

  parse(files: Input[]): Promise<ParsedFile[]> {
    // Buffers are copied, not transferred: the caller may still hold them.
    return this.post({ files }) as Promise<ParsedFile[]>;
  }

  ranges(jobs: RangeJob[]): Promise<Range[][]> {
    return this.post({ ranges: jobs }) as Promise<Range[][]>;
  }

  private post(message: { files?: Input[]; ranges?: RangeJob[] }): Promise<unknown[]> {
    if (this.workers.length < this.size) this.workers.push(this.spawn());
    const slot = this.workers.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      slot.jobs.set(id, { id, resolve, reject });
      slot.worker.ref();
      slot.worker.postMessage({ id, ...message });
    });
  }

  /** Ends the workers: their heaps (tens of MB each) go back to the system. */
  async close(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((w) => w.worker.terminate()));
  }

  private spawn(): { worker: Worker; jobs: Map<number, Job> } {
    const worker = new Worker(this.file);
    const entry = { worker, jobs: new Map<number, Job>() };
    worker.unref();
    worker.on('message', (msg: { id: number; results: unknown[] }) => {
      const job = entry.jobs.get(msg.id);
      entry.jobs.delete(msg.id);
      if (entry.jobs.size === 0) worker.unref();
      job?.resolve(msg.results);
    });
    const fail = (err: unknown) => {
      for (const job of entry.jobs.values()) job.reject(err);
      entry.jobs.clear();
      const i = this.workers.indexOf(entry);
      if (i !== -1) this.workers.splice(i, 1);
    };
    worker.on('error', fail);
    // Gone for whatever reason: never hand it another job.
    worker.on('exit', (code) => fail(new Error(`parse worker exited with code ${code}`)));
    return entry;
  }
}

let shared: ParsePool | undefined;

/** Below this many files to parse for positions, the workspace's own thread does it as fast. */
const MIN_FILES_FOR_RANGE_WORKERS = 32;

/**
 * Parses files on worker threads when the bundled worker exists next to this module; in-thread
 * otherwise (tests run from source). Parsing is pure, so results are identical either way.
 */
export function parallelParser(workerFile = path.join(__dirname, 'parse-worker.js')): ((files: Input[]) => Promise<ParsedFile[]>) | undefined {
  const threads = Math.min(availableParallelism(), 4);
  if (!existsSync(workerFile) || threads < 2) return undefined;
  return async (files) => {
    if (files.length < MIN_FILES_FOR_WORKERS) return files.map((f) => parseFile(f.path, f.content));
    shared ??= new ParsePool(workerFile, threads);
    return shared.parse(files);
  };
}

/**
 * Ends the parse workers once a command has read its files (a later parse starts new ones): a
 * CLI process then holds only its own heap while it checks and reports.
 */
export async function closeParsers(): Promise<void> {
  const pool = shared;
  shared = undefined;
  await pool?.close();
}

/**
 * Resolves the source ranges a workspace's diagnostics need (`pendingRanges`: a YAML parse per
 * file with findings) on the parse workers, split between them, and hands them back: a CLI
 * calls it between loading and printing, when its own thread would otherwise parse them one by
 * one. A no-op without the bundled worker or with few files; `diagnostics()` resolves the rest.
 */
export async function resolveRangesInWorkers(workspace: OpsbookWorkspace, workerFile = path.join(__dirname, 'parse-worker.js')): Promise<void> {
  const threads = Math.min(availableParallelism(), 4);
  if (!existsSync(workerFile) || threads < 2) return;
  const jobs = workspace.pendingRanges();
  if (jobs.length < MIN_FILES_FOR_RANGE_WORKERS) return;
  shared ??= new ParsePool(workerFile, threads);
  const pool = shared;
  // Two batches per worker, of about the same amount of text.
  const total = jobs.reduce((n, j) => n + j.text.length, 0);
  const batches: RangeJob[][] = [[]];
  let size = 0;
  for (const job of jobs) {
    if (size > (total / (threads * 2)) * batches.length) batches.push([]);
    batches.at(-1)!.push(job);
    size += job.text.length;
  }
  await Promise.all(
    batches.map(async (batch) => {
      const ranges = await pool.ranges(batch);
      batch.forEach((job, i) => workspace.addRanges(job, ranges[i] ?? []));
    }),
  );
}
