import { describe, expect, it } from 'vitest';
import { RunQueue, type QueueJob } from '../../electron/engine/bridges/run/queue.js';
import { backoffMs, isTransient, withRunRetries } from '../../electron/engine/bridges/run/run-retry.js';
import { ExNodeError } from '../../shared/index.js';
import { flush } from '../support/manual-clock.js';

/** An executor whose runs end when the test says so. */
function controlled() {
  const started: string[] = [];
  const enders = new Map<string, () => void>();
  let peak = 0;
  const executor = (job: QueueJob, signal: AbortSignal) => new Promise<void>((resolve) => {
    started.push(job.runId);
    peak = Math.max(peak, enders.size + 1);
    const end = () => {
      enders.delete(job.runId);
      resolve();
    };
    enders.set(job.runId, end);
    signal.addEventListener('abort', end, { once: true });
  });
  return { executor, started, end: (id: string) => enders.get(id)!(), running: () => [...enders.keys()], peak: () => peak };
}

const job = (runId: string, bridgeId: string, connections: string[] = ['src', 'exchange'], manual = false): QueueJob => ({ runId, bridgeId, connections, manual });

describe('the run queue', () => {
  it('never runs two runs of one bridge: a second submit is refused and names the holder', async () => {
    const x = controlled();
    const q = new RunQueue(x.executor, { concurrency: 4, connectionLimit: () => undefined });
    expect(q.submit(job('r1', 'b1')).accepted).toBe(true);
    const second = q.submit(job('r2', 'b1'));
    expect(second).toMatchObject({ accepted: false, holder: { runId: 'r1' } });
    await flush();
    x.end('r1');
    await flush();
    expect(q.submit(job('r3', 'b1')).accepted).toBe(true);
    await flush();
    expect(x.started).toEqual(['r1', 'r3']);
  });

  it('keeps to the concurrency limit and to each connection\'s limit', async () => {
    const x = controlled();
    const limits = new Map([['busy-db', 1]]);
    const q = new RunQueue(x.executor, { concurrency: 3, connectionLimit: (c) => limits.get(c) });
    q.submit(job('a', 'A', ['busy-db', 'exchange']));
    q.submit(job('b', 'B', ['busy-db', 'exchange']));
    q.submit(job('c', 'C', ['other', 'exchange']));
    q.submit(job('d', 'D', ['other', 'exchange']));
    q.submit(job('e', 'E', ['other', 'exchange']));
    await flush();
    // busy-db allows one run: b waits although a slot is free; c and d take the other two.
    expect(x.running().sort()).toEqual(['a', 'c', 'd']);
    x.end('a');
    await flush();
    expect(x.running().sort()).toEqual(['b', 'c', 'd']);
    for (const id of ['b', 'c', 'd']) x.end(id);
    await flush();
    expect(x.running()).toEqual(['e']);
    x.end('e');
    await flush();
    expect(x.peak()).toBe(3);
  });

  it('starts manual runs before scheduled runs that wait', async () => {
    const x = controlled();
    const q = new RunQueue(x.executor, { concurrency: 1, connectionLimit: () => undefined });
    q.submit(job('s0', 'S0'));
    q.submit(job('s1', 'S1'));
    q.submit(job('s2', 'S2'));
    q.submit(job('m1', 'M1', undefined, true));
    await flush();
    for (const id of ['s0', 'm1', 's1', 's2']) {
      expect(x.running()).toEqual([id]);
      x.end(id);
      await flush();
    }
    expect(x.started).toEqual(['s0', 'm1', 's1', 's2']);
  });

  it('drops a waiting run on cancel and aborts a running one', async () => {
    const x = controlled();
    const q = new RunQueue(x.executor, { concurrency: 1, connectionLimit: () => undefined });
    const first = q.submit(job('r1', 'b1'));
    const second = q.submit(job('r2', 'b2'));
    await flush();
    expect(q.cancel('r2')).toBe('dequeued');
    expect(q.cancel('r1')).toBe('aborting');
    expect(q.cancel('zz')).toBe('unknown');
    await Promise.all([first.accepted && first.done, second.accepted && second.done]);
    expect(x.started).toEqual(['r1']);
  });
});

describe('run retries', () => {
  const policy = { attempts: 4, baseMs: 1000, capMs: 5000 };

  it('backs off exponentially with jitter, never beyond the cap', () => {
    expect([1, 2, 3, 4, 5].map((a) => backoffMs(a, policy, () => 1))).toEqual([1000, 2000, 4000, 5000, 5000]);
    expect([1, 2, 3, 4, 5].map((a) => backoffMs(a, policy, () => 0))).toEqual([500, 1000, 2000, 2500, 2500]);
    for (let i = 0; i < 100; i++) {
      const d = backoffMs(3, policy);
      expect(d).toBeGreaterThanOrEqual(2000);
      expect(d).toBeLessThanOrEqual(4000);
    }
  });

  it('tells transient failures from terminal ones', () => {
    expect(isTransient(new ExNodeError('CONNECTION_LOST', 'dropped'))).toBe(true);
    expect(isTransient(new ExNodeError('TIMEOUT', 'slow'))).toBe(true);
    expect(isTransient(new ExNodeError('INTERNAL', 'Deadlock found when trying to get lock; try restarting transaction'))).toBe(true);
    expect(isTransient(new ExNodeError('NOT_FOUND', 'no such table'))).toBe(false);
    expect(isTransient(new ExNodeError('PERMISSION_DENIED', 'denied'))).toBe(false);
    expect(isTransient(new ExNodeError('CANCELLED', 'cancelled'))).toBe(false);
    expect(isTransient(new TypeError('x is not a function'))).toBe(false);
  });

  it('retries a transient failure with each attempt reported, and gives up after the last', async () => {
    const sleeps: number[] = [];
    const reported: number[] = [];
    let calls = 0;
    const hooks = {
      policy, signal: new AbortController().signal, random: () => 1,
      sleep: async (ms: number) => void sleeps.push(ms),
      onRetry: async (attempt: number) => void reported.push(attempt),
    };
    await withRunRetries(async () => {
      if (++calls < 3) throw new ExNodeError('CONNECTION_LOST', 'dropped');
    }, hooks);
    expect(calls).toBe(3);
    expect(sleeps).toEqual([1000, 2000]);
    expect(reported).toEqual([1, 2]);

    calls = 0;
    await expect(withRunRetries(async () => {
      calls++;
      throw new ExNodeError('TIMEOUT', 'slow');
    }, hooks)).rejects.toThrow('slow');
    expect(calls).toBe(4);
  });

  it('fails a terminal failure at once, and stops retrying on cancel', async () => {
    let calls = 0;
    const controller = new AbortController();
    const hooks = { policy, signal: controller.signal, sleep: async () => controller.abort(), onRetry: async () => undefined };
    await expect(withRunRetries(async () => {
      calls++;
      throw new ExNodeError('NOT_FOUND', 'no such table');
    }, hooks)).rejects.toThrow('no such table');
    expect(calls).toBe(1);
    calls = 0;
    await expect(withRunRetries(async () => {
      calls++;
      throw new ExNodeError('CONNECTION_LOST', 'dropped');
    }, hooks)).rejects.toThrow('dropped');
    expect(calls).toBe(1);
  });
});
