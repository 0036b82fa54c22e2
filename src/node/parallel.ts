import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { rangesOf, unpackFileState, type ParsedFile, type ParseInput, type Range, type RangeJob, type RangeMany } from '../core';
import { readAndParse } from './readParse';

type Input = ParseInput;
type Job = { id: number; resolve: (r: never[]) => void; reject: (e: unknown) => void };

/**
 * Below this many files in a batch, a round trip to a worker costs more than it saves. The
 * editor loads in batches of 32 (RESPONSIVE_BATCH in the engine): those go to the workers too,
 * so its extension host only indexes between pauses.
 */
const MIN_FILES_FOR_WORKERS = 32;

/**
 * A pool of parse workers (see `poolOf` for how many). The engine streams batches through it
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

  async parse(files: Input[]): Promise<ParsedFile[]> {
    const packed = await this.post<{ parsed: ParsedFile }>({ files });
    return packed.map((p) => unpackFileState(p).parsed);
  }

  /**
   * Works out ranges, the jobs split between the workers (largest texts first, to even them
   * out); in the background, all on one worker: the other cores are left to this thread, which
   * has work of its own meanwhile (a second worker would only take turns with it, paying its
   * own JIT warm-up).
   */
  async ranges(jobs: RangeJob[], background = false): Promise<Range[][]> {
    const threads = background ? 1 : this.size;
    const order = jobs.map((_, i) => i).sort((a, b) => (jobs[b] as RangeJob).text.length - (jobs[a] as RangeJob).text.length);
    const shares: number[][] = Array.from({ length: threads }, () => []);
    const load = new Array<number>(threads).fill(0);
    for (const i of order) {
      const k = load.indexOf(Math.min(...load));
      (shares[k] as number[]).push(i);
      load[k] = (load[k] as number) + (jobs[i] as RangeJob).text.length;
    }
    const out: Range[][] = new Array(jobs.length);
    await Promise.all(
      shares
        .filter((share) => share.length > 0)
        .map(async (share) => {
          const results = await this.post<Range[]>({ ranges: share.map((i) => jobs[i] as RangeJob) });
          share.forEach((i, n) => (out[i] = results[n] as Range[]));
        }),
    );
    return out;
  }

  /** Starts every worker now, so they load their code before the first batch comes. */
  start(): void {
    while (this.workers.length < this.size) this.workers.push(this.spawn());
  }

  private post<R>(message: { files?: Input[]; ranges?: RangeJob[] }): Promise<R[]> {
    if (this.workers.length < this.size) this.workers.push(this.spawn());
    const slot = this.workers.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      slot.jobs.set(id, { id, resolve: resolve as (r: never[]) => void, reject });
      slot.worker.ref();
      // Buffers are copied, not transferred: the caller may still hold them.
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
    worker.on('message', (msg: { id: number; results: never[] }) => {
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
    // After the listeners: adding a 'message' listener refs the worker again.
    worker.unref();
    return entry;
  }
}

let shared: ParsePool | undefined;

/**
 * The shared pool of workers running `workerFile`, started on first use: one per core besides
 * this thread's, at most 4 (this thread analyzes and indexes what they parse and is the slower
 * side; a worker on its core too only took turns with it, for ~10 % more CPU and 35 MB more at
 * 10,000 files). Undefined without the bundled worker (tests run from source) or a second core.
 */
function poolOf(workerFile: string): (() => ParsePool) | undefined {
  const threads = Math.min(availableParallelism() - 1, 4);
  if (!existsSync(workerFile) || threads < 1) return undefined;
  return () => (shared ??= new ParsePool(workerFile, threads));
}

/**
 * Parses files on worker threads when the bundled worker exists next to this module; in-thread
 * otherwise. Parsing is pure, so results are identical either way.
 */
export function parallelParser(workerFile = path.join(__dirname, 'parse-worker.js')): ((files: Input[]) => Promise<ParsedFile[]>) | undefined {
  const pool = poolOf(workerFile);
  return pool && (async (files) => (files.length < MIN_FILES_FOR_WORKERS ? files.map(readAndParse) : pool().parse(files)));
}

/**
 * Starts the parse workers ahead of a load that will parse every file (no warm-start cache to
 * restore): each takes ~90 ms to load its code, which then overlaps with this thread reading the
 * configuration and listing the files instead of delaying the first batch. Idle workers are
 * unreferenced, so a process that parses nothing after all still exits.
 */
export function startParsers(workerFile = path.join(__dirname, 'parse-worker.js')): void {
  poolOf(workerFile)?.().start();
}

/** Fewer jobs than this are worked out in this thread: starting workers would cost more. */
const MIN_JOBS_FOR_WORKERS = 16;

/**
 * Works out source ranges on the parse workers (`EngineInit.rangeMany`), as `parallelParser`
 * parses; in this thread without the bundled worker or for a few files.
 */
export function parallelRanger(workerFile = path.join(__dirname, 'parse-worker.js')): RangeMany | undefined {
  const pool = poolOf(workerFile);
  return pool && (async (jobs, options) => (jobs.length < MIN_JOBS_FOR_WORKERS ? jobs.map(rangesOf) : pool().ranges(jobs, !!options?.background)));
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
