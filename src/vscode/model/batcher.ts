/**
 * Coalesces keyed changes and hands them to `process` in one batch after `delayMs`: a branch
 * switch that touches hundreds of files becomes one batch, the latest change per key winning.
 * Batches never overlap; changes arriving during a batch wait for the next one.
 */
export class ChangeBatcher<V> {
  private pending = new Map<string, V>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private paused = false;
  private disposed = false;

  constructor(
    private readonly process: (batch: [string, V][]) => Promise<void>,
    private readonly delayMs: number,
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {}

  get size(): number {
    return this.pending.size;
  }

  add(key: string, value: V): void {
    if (this.disposed) return;
    // Re-insert so the batch keeps the order of the latest changes.
    this.pending.delete(key);
    this.pending.set(key, value);
    this.schedule();
  }

  /** Holds batches back (while the folder loads); `resume` processes what accumulated. */
  pause(): void {
    this.paused = true;
    this.clearTimer();
  }

  resume(): void {
    this.paused = false;
    if (this.pending.size > 0) this.schedule();
  }

  /** Processes everything pending now and resolves when no batch is running. */
  async flush(): Promise<void> {
    this.clearTimer();
    while (!this.disposed && (this.running || (this.pending.size > 0 && !this.paused))) {
      if (this.running) await this.running;
      else await this.runBatch();
    }
  }

  dispose(): void {
    this.disposed = true;
    this.clearTimer();
    this.pending.clear();
  }

  private schedule(): void {
    if (this.timer || this.paused || this.running) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.runBatch();
    }, this.delayMs);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private runBatch(): Promise<void> {
    if (this.running) return this.running;
    const batch = [...this.pending];
    this.pending = new Map();
    if (batch.length === 0 || this.disposed) return Promise.resolve();
    this.running = this.process(batch)
      .catch(this.onError)
      .finally(() => {
        this.running = undefined;
        if (this.pending.size > 0 && !this.paused) this.schedule();
      });
    return this.running;
  }
}

/** Lets the extension host handle other events between chunks of work. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Runs `fn` over `items` in chunks, yielding to the event loop between chunks; stops when `cancelled()`. */
export async function inChunks<T>(
  items: readonly T[],
  size: number,
  fn: (chunk: T[]) => Promise<void> | void,
  cancelled: () => boolean = () => false,
): Promise<boolean> {
  for (let i = 0; i < items.length; i += size) {
    if (cancelled()) return false;
    await fn(items.slice(i, i + size));
    if (i + size < items.length) await yieldToEventLoop();
  }
  return !cancelled();
}
