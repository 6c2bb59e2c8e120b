import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { IngestBatcher, type BatchRunner, type Settled } from '../../src/events/batcher.js';

/** A runner that records every call; `hold` makes the next call wait until released. */
function recordingRunner(opts: { failOne?: (item: string) => boolean; failBatch?: (items: readonly string[]) => boolean } = {}) {
  const calls: string[] = [];
  let held: (() => void) | null = null;
  let holdNext = false;
  const maybeHold = async () => {
    if (!holdNext) return;
    holdNext = false;
    await new Promise<void>((resolve) => (held = resolve));
  };
  const runner: BatchRunner<string, string> = {
    async runOne(item) {
      calls.push(`one:${item}`);
      await maybeHold();
      if (opts.failOne?.(item)) throw new Error(`bad ${item}`);
      return `done ${item}`;
    },
    async runBatch(items) {
      calls.push(`batch:${items.join(',')}`);
      await maybeHold();
      if (opts.failBatch?.(items)) throw new Error('the whole transaction failed');
      return items.map((item): Settled<string> =>
        item.startsWith('refused') ? { ok: false, error: new Error(item) } : { ok: true, value: `done ${item}` },
      );
    },
  };
  return {
    runner,
    calls,
    hold: () => (holdNext = true),
    release: () => {
      const r = held;
      held = null;
      r?.();
    },
  };
}

/** A `nextTurn` opened by hand, so tests decide exactly what arrives "during" the turn after a flush. */
function manualTurns() {
  const waiting: (() => void)[] = [];
  return {
    nextTurn: () => new Promise<void>((resolve) => waiting.push(resolve)),
    pending: () => waiting.length,
    open: () => waiting.splice(0).forEach((resolve) => resolve()),
  };
}

/** Lets every queued promise continuation run (no timers involved). */
const settle = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

describe('IngestBatcher', () => {
  test('an idle batcher runs a lone request at once, inside submit: no timer, no waiting for company', async () => {
    const r = recordingRunner();
    const b = new IngestBatcher(r.runner);
    const p = b.submit('a');
    assert.deepEqual(r.calls, ['one:a'], 'runOne was called synchronously by submit');
    assert.equal(await p, 'done a');
  });

  test('requests arriving while a flush runs queue, and the next flush takes all of them in one batch', async () => {
    const r = recordingRunner();
    const turns = manualTurns();
    const sizes: number[] = [];
    const b = new IngestBatcher(r.runner, { nextTurn: turns.nextTurn, onFlush: (n) => sizes.push(n) });
    r.hold();
    const first = b.submit('a');
    const rest = ['b', 'c', 'd'].map((x) => b.submit(x));
    assert.equal(b.queued, 3);
    assert.deepEqual(r.calls, ['one:a']);
    r.release();
    assert.equal(await first, 'done a', "a's result does not wait for the next batch");
    await settle();
    assert.deepEqual(r.calls, ['one:a'], 'the next batch is cut only after the turn');
    turns.open();
    assert.deepEqual(await Promise.all(rest), ['done b', 'done c', 'done d']);
    assert.deepEqual(r.calls, ['one:a', 'batch:b,c,d']);
    assert.deepEqual(sizes, [1, 3]);
  });

  test('requests submitted in the turn after a synchronous flush (better-sqlite3) become the next batch', async () => {
    const r = recordingRunner();
    const turns = manualTurns();
    const b = new IngestBatcher(r.runner, { nextTurn: turns.nextTurn });
    assert.equal(await b.submit('a'), 'done a');
    await settle();
    assert.equal(turns.pending(), 1, 'still busy for one turn after the flush');
    const rest = [b.submit('b'), b.submit('c')];
    assert.deepEqual(r.calls, ['one:a']);
    turns.open();
    assert.deepEqual(await Promise.all(rest), ['done b', 'done c']);
    assert.deepEqual(r.calls, ['one:a', 'batch:b,c']);
  });

  test('the default turn is setImmediate: requests of the same event-loop turn share a batch', async () => {
    const r = recordingRunner();
    const sizes: number[] = [];
    const b = new IngestBatcher(r.runner, { onFlush: (n) => sizes.push(n) });
    const all = ['a', 'b', 'c', 'd'].map((x) => b.submit(x));
    assert.deepEqual(await Promise.all(all), ['done a', 'done b', 'done c', 'done d']);
    assert.deepEqual(sizes, [1, 3]);
  });

  test('a batch never exceeds maxBatch', async () => {
    const r = recordingRunner();
    const turns = manualTurns();
    const sizes: number[] = [];
    const b = new IngestBatcher(r.runner, { maxBatch: 2, nextTurn: turns.nextTurn, onFlush: (n) => sizes.push(n) });
    r.hold();
    const all = ['a', 'b', 'c', 'd', 'e', 'f'].map((x) => b.submit(x));
    r.release();
    while (sizes.reduce((x, y) => x + y, 0) < 6) {
      await settle();
      turns.open();
    }
    assert.deepEqual(
      await Promise.all(all),
      ['a', 'b', 'c', 'd', 'e', 'f'].map((x) => `done ${x}`),
    );
    assert.deepEqual(sizes, [1, 2, 2, 1]);
  });

  test('an item refused inside a batch fails alone; the others of that batch resolve', async () => {
    const r = recordingRunner();
    const turns = manualTurns();
    const b = new IngestBatcher(r.runner, { nextTurn: turns.nextTurn });
    r.hold();
    void b.submit('a');
    const batch = ['b', 'refused-c', 'd'].map((x) => b.submit(x));
    r.release();
    await settle();
    turns.open();
    const results = await Promise.allSettled(batch);
    assert.deepEqual(
      results.map((x) => (x.status === 'fulfilled' ? x.value : (x.reason as Error).message)),
      ['done b', 'refused-c', 'done d'],
    );
    assert.deepEqual(r.calls, ['one:a', 'batch:b,refused-c,d'], 'no retry: the batch committed');
  });

  test('a batch that fails as a whole is retried item by item, so only the bad item fails', async () => {
    const r = recordingRunner({ failBatch: () => true, failOne: (x) => x === 'bad' });
    const turns = manualTurns();
    const b = new IngestBatcher(r.runner, { nextTurn: turns.nextTurn });
    r.hold();
    void b.submit('a');
    const batch = ['b', 'bad', 'c'].map((x) => b.submit(x));
    r.release();
    await settle();
    turns.open();
    const results = await Promise.allSettled(batch);
    assert.deepEqual(
      results.map((x) => (x.status === 'fulfilled' ? x.value : (x.reason as Error).message)),
      ['done b', 'bad bad', 'done c'],
    );
    assert.deepEqual(r.calls, ['one:a', 'batch:b,bad,c', 'one:b', 'one:bad', 'one:c']);
  });

  test('once drained the batcher is idle again: the next lone request runs at once', async () => {
    const r = recordingRunner();
    const turns = manualTurns();
    const b = new IngestBatcher(r.runner, { nextTurn: turns.nextTurn });
    await b.submit('a');
    await settle();
    turns.open();
    await settle();
    assert.equal(turns.pending(), 0);
    const p = b.submit('b');
    assert.deepEqual(r.calls, ['one:a', 'one:b']);
    assert.equal(await p, 'done b');
  });

  test('a runner that breaks its contract rejects the items instead of hanging them', async () => {
    const turns = manualTurns();
    let release: () => void = () => undefined;
    const runner: BatchRunner<string, string> = {
      runOne: (x) => new Promise((resolve) => (release = () => resolve(x))),
      runBatch: async () => [{ ok: true, value: 'only one' }],
    };
    const b = new IngestBatcher(runner, { nextTurn: turns.nextTurn });
    void b.submit('a');
    const batch = [b.submit('b'), b.submit('c')];
    release();
    await settle();
    turns.open();
    const [ok, broken] = await Promise.allSettled(batch);
    assert.deepEqual(ok, { status: 'fulfilled', value: 'only one' });
    assert.equal(broken?.status, 'rejected');
  });

  describe('with concurrency > 1 (PostgreSQL)', () => {
    /** A runner whose every call waits until the test releases it, so the test decides what is in flight. */
    function gatedRunner(opts: { failBatch?: (items: readonly string[]) => boolean } = {}) {
      const calls: { label: string; release: () => void }[] = [];
      let inFlight = 0;
      let maxInFlight = 0;
      const gate = async (label: string) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise<void>((resolve) => calls.push({ label, release: resolve }));
        inFlight--;
      };
      const runner: BatchRunner<string, string> = {
        async runOne(item) {
          await gate(`one:${item}`);
          return `done ${item}`;
        },
        async runBatch(items) {
          await gate(`batch:${items.join(',')}`);
          if (opts.failBatch?.(items)) throw new Error('the whole transaction failed');
          return items.map((item): Settled<string> => ({ ok: true, value: `done ${item}` }));
        },
      };
      return {
        runner,
        labels: () => calls.map((c) => c.label),
        release: (label: string) => {
          const call = calls.find((c) => c.label === label);
          assert.ok(call, `${label} is running`);
          call.release();
        },
        releaseAll: () => calls.forEach((c) => c.release()),
        inFlight: () => inFlight,
        maxInFlight: () => maxInFlight,
      };
    }

    test('up to `concurrency` lone requests start at once, each in its own lane; the rest queue', async () => {
      const r = gatedRunner();
      const turns = manualTurns();
      const b = new IngestBatcher(r.runner, { concurrency: 3, nextTurn: turns.nextTurn });
      const all = ['a', 'b', 'c', 'd', 'e'].map((x) => b.submit(x));
      assert.deepEqual(r.labels(), ['one:a', 'one:b', 'one:c'], 'three lanes started inside submit');
      assert.equal(b.queued, 2);
      r.release('one:b');
      await settle();
      assert.deepEqual(r.labels(), ['one:a', 'one:b', 'one:c'], "b's lane waits its turn before cutting the next batch");
      turns.open();
      await settle();
      assert.deepEqual(r.labels(), ['one:a', 'one:b', 'one:c', 'batch:d,e'], 'the freed lane takes everything queued');
      assert.equal(b.queued, 0);
      r.releaseAll();
      await settle();
      turns.open();
      assert.deepEqual(
        await Promise.all(all),
        ['a', 'b', 'c', 'd', 'e'].map((x) => `done ${x}`),
      );
    });

    test('each request resolves after its own batch, whatever the other lanes are doing', async () => {
      const r = gatedRunner();
      const turns = manualTurns();
      const b = new IngestBatcher(r.runner, { concurrency: 2, nextTurn: turns.nextTurn });
      const resolved: string[] = [];
      const track = (x: string) => b.submit(x).then((v) => void resolved.push(v));
      const all = ['a', 'b', 'c'].map(track);
      r.release('one:b');
      await settle();
      assert.deepEqual(resolved, ['done b'], 'b is answered while a is still running');
      turns.open();
      await settle();
      assert.deepEqual(r.labels(), ['one:a', 'one:b', 'one:c']);
      r.release('one:c');
      await settle();
      assert.deepEqual(resolved, ['done b', 'done c']);
      r.release('one:a');
      await settle();
      turns.open();
      await Promise.all(all);
      assert.deepEqual(resolved, ['done b', 'done c', 'done a']);
    });

    test('never more than `concurrency` batches in flight, no batch above maxBatch, and no item lost', async () => {
      const r = gatedRunner();
      const turns = manualTurns();
      const sizes: number[] = [];
      const b = new IngestBatcher(r.runner, { concurrency: 3, maxBatch: 4, nextTurn: turns.nextTurn, onFlush: (n) => sizes.push(n) });
      const items = Array.from({ length: 50 }, (_, i) => `i${i}`);
      const results = new Map<string, string>();
      const all = items.map((x) => b.submit(x).then((v) => void results.set(x, v)));
      let released = 0;
      while (results.size < items.length) {
        assert.ok(r.inFlight() <= 3);
        // Release the oldest call still running, then let every lane take its turn.
        const labels = r.labels();
        if (released < labels.length) r.release(labels[released++]!);
        await settle();
        turns.open();
        await settle();
      }
      await Promise.all(all);
      assert.equal(r.maxInFlight(), 3);
      assert.ok(sizes.every((n) => n >= 1 && n <= 4));
      assert.equal(
        sizes.reduce((x, y) => x + y, 0),
        50,
        'every item ran exactly once',
      );
      for (const x of items) assert.equal(results.get(x), `done ${x}`);
      assert.equal(b.queued, 0);
      assert.equal(turns.pending(), 0, 'every lane stopped once the queue was empty');
    });

    test('a batch failing as a whole in one lane is retried item by item there; another lane is unaffected', async () => {
      const r = gatedRunner({ failBatch: (items) => items.includes('bad') });
      const turns = manualTurns();
      const b = new IngestBatcher(r.runner, { concurrency: 2, maxBatch: 2, nextTurn: turns.nextTurn });
      const primers = [b.submit('p'), b.submit('q')];
      const rest = ['x', 'bad', 'y', 'z'].map((x) => b.submit(x));
      r.release('one:p');
      r.release('one:q');
      await Promise.all(primers);
      await settle();
      turns.open();
      await settle();
      assert.deepEqual(r.labels().slice(2), ['batch:x,bad', 'batch:y,z'], 'two batches in flight at once');
      r.release('batch:x,bad');
      await settle();
      assert.deepEqual(r.labels().slice(4), ['one:x'], 'the failed batch retries its items one at a time');
      r.release('batch:y,z');
      r.release('one:x');
      await settle();
      r.release('one:bad');
      await settle();
      turns.open();
      assert.deepEqual(await Promise.all(rest), ['done x', 'done bad', 'done y', 'done z']);
    });

    test('concurrency 1 (the default) keeps a single lane: a second request queues behind the first', async () => {
      const r = gatedRunner();
      const turns = manualTurns();
      const b = new IngestBatcher(r.runner, { nextTurn: turns.nextTurn });
      const all = [b.submit('a'), b.submit('b')];
      assert.deepEqual(r.labels(), ['one:a']);
      assert.equal(b.queued, 1);
      r.release('one:a');
      await settle();
      turns.open();
      await settle();
      r.release('one:b');
      await settle();
      turns.open();
      assert.deepEqual(await Promise.all(all), ['done a', 'done b']);
    });
  });
});
