import { strict as assert } from 'node:assert';
import { ChangeBatcher, inChunks } from '../../src/vscode/model/batcher';

describe('change batcher', () => {
  it('should coalesce a burst into one batch with the latest value per key', async () => {
    const batches: [string, number][][] = [];
    const b = new ChangeBatcher<number>(async (batch) => void batches.push(batch), 5);
    for (let i = 0; i < 300; i++) b.add(`f${i % 100}.yaml`, i);
    await b.flush();
    assert.equal(batches.length, 1);
    assert.equal(batches[0]?.length, 100);
    assert.deepEqual(
      batches[0]?.find(([k]) => k === 'f7.yaml'),
      ['f7.yaml', 207],
    );
  });

  it('should hold changes while paused and process them on resume', async () => {
    const seen: string[] = [];
    const b = new ChangeBatcher<true>(async (batch) => void seen.push(...batch.map(([k]) => k)), 1);
    b.pause();
    b.add('a.yaml', true);
    await new Promise((r) => setTimeout(r, 10));
    assert.deepEqual(seen, []);
    b.resume();
    await b.flush();
    assert.deepEqual(seen, ['a.yaml']);
  });

  it('should never run two batches at once; changes during a batch go to the next', async () => {
    let running = 0;
    let maxRunning = 0;
    const batches: string[][] = [];
    const b: ChangeBatcher<true> = new ChangeBatcher<true>(async (batch) => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      batches.push(batch.map(([k]) => k));
      if (batches.length === 1) b.add('late.yaml', true);
      await new Promise((r) => setTimeout(r, 5));
      running--;
    }, 1);
    b.add('first.yaml', true);
    await b.flush();
    assert.equal(maxRunning, 1);
    assert.deepEqual(batches, [['first.yaml'], ['late.yaml']]);
  });

  it('should keep batching after a failed batch and report the error', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const b = new ChangeBatcher<true>(
      async () => {
        calls++;
        if (calls === 1) throw new Error('disk gone');
      },
      1,
      (e) => errors.push(e),
    );
    b.add('a.yaml', true);
    await b.flush();
    b.add('b.yaml', true);
    await b.flush();
    assert.equal(calls, 2);
    assert.equal(errors.length, 1);
  });

  it('should process chunks with the event loop free in between', async () => {
    const order: string[] = [];
    const items = Array.from({ length: 10 }, (_, i) => i);
    setImmediate(() => order.push('other work'));
    await inChunks(items, 4, (chunk) => void order.push(`chunk ${chunk[0]}`));
    assert.deepEqual(order, ['chunk 0', 'other work', 'chunk 4', 'chunk 8']);
  });

  it('should stop between chunks when cancelled', async () => {
    const seen: number[] = [];
    let cancel = false;
    const done = await inChunks(
      [1, 2, 3, 4],
      2,
      (chunk) => {
        seen.push(...chunk);
        cancel = true;
      },
      () => cancel,
    );
    assert.equal(done, false);
    assert.deepEqual(seen, [1, 2]);
  });
});
