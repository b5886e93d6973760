import { describe, expect, it } from 'vitest';
import { totalInBackground } from '../../electron/engine/bridges/run/estimated-total.js';

describe('a run\'s estimated total, counted in the background', () => {
  it('is unknown until the count answers, then known', async () => {
    let answer!: (n: number) => void;
    const total = totalInBackground(() => new Promise<number>((resolve) => { answer = resolve; }));
    expect(total()).toBeNull();
    answer(1_000_000);
    await Promise.resolve();
    expect(total()).toBe(1_000_000);
  });

  it('stays unknown when the count fails, without an unhandled rejection', async () => {
    const total = totalInBackground(() => Promise.reject(new Error('lost connection')));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(total()).toBeNull();
  });
});
