import { describe, expect, it } from 'vitest';
import { INITIAL_NODE_STATE, type NodeState, activeRunIds, reduceNodeState, trayStateOf } from '../../../electron/main/tray-state.js';
import { decideQuit, stopRuns } from '../../../electron/main/quit-policy.js';
import { decideClose } from '../../../electron/main/close-policy.js';
import { notificationFor } from '../../../electron/main/notifications.js';

const run = (id: string, bridgeName: string, status: string) => ({ type: 'run.updated', payload: { id, bridgeName, status } });
const fold = (events: { type: string; payload?: unknown }[]): NodeState => events.reduce(reduceNodeState, INITIAL_NODE_STATE);

describe('tray state from engine events', () => {
  it('is all good with nothing going on, running while a run is queued or running', () => {
    expect(trayStateOf(INITIAL_NODE_STATE)).toBe('ok');
    expect(trayStateOf(fold([run('r1', 'a', 'queued')]))).toBe('running');
    expect(trayStateOf(fold([run('r1', 'a', 'queued'), run('r1', 'a', 'running')]))).toBe('running');
    expect(trayStateOf(fold([run('r1', 'a', 'running'), run('r1', 'a', 'succeeded')]))).toBe('ok');
    expect(trayStateOf(fold([run('r1', 'a', 'running'), run('r1', 'a', 'cancelled')]))).toBe('ok');
  });

  it('shows an alert for a failed run until that bridge succeeds again, even while others run', () => {
    const failed = fold([run('r1', 'a', 'running'), run('r1', 'a', 'failed'), run('r2', 'b', 'running')]);
    expect(trayStateOf(failed)).toBe('alert');
    expect(activeRunIds(failed)).toEqual(['r2']);
    const other = reduceNodeState(failed, run('r2', 'b', 'succeeded'));
    expect(trayStateOf(other)).toBe('alert');
    expect(trayStateOf(reduceNodeState(other, run('r3', 'a', 'succeeded')))).toBe('ok');
  });

  it('follows monitoring alerts: open counts, acknowledged and resolved do not', () => {
    const open = fold([{ type: 'alert.changed', payload: { id: 7, status: 'open', count: 1 } }]);
    expect(trayStateOf(open)).toBe('alert');
    expect(trayStateOf(reduceNodeState(open, { type: 'alert.changed', payload: { id: 7, status: 'acknowledged' } }))).toBe('ok');
    expect(trayStateOf(reduceNodeState(open, { type: 'alert.changed', payload: { id: 7, status: 'resolved' } }))).toBe('ok');
    expect(trayStateOf(fold([{ type: 'alert.raised', payload: { id: 'x' } }]))).toBe('alert');
    expect(trayStateOf(fold([{ type: 'alert.raised', payload: { id: 'x' } }, { type: 'alert.resolved', payload: { id: 'x' } }]))).toBe('ok');
  });

  it('ignores events it does not know and malformed payloads', () => {
    const state = fold([run('r1', 'a', 'running')]);
    for (const event of [
      { type: 'schema.drift', payload: { connection: 'hr' } }, { type: 'schedules.changed', payload: {} },
      { type: 'run.updated', payload: null }, { type: 'run.updated', payload: { id: 1 } }, { type: 'alert.changed', payload: { status: 'open' } },
    ]) expect(reduceNodeState(state, event)).toBe(state);
  });
});

describe('quitting and closing', () => {
  it('quits at once when nothing runs, and asks when runs are in progress', () => {
    expect(decideQuit([])).toEqual({ action: 'quit' });
    expect(decideQuit(['r1', 'r2'])).toEqual({ action: 'ask', runIds: ['r1', 'r2'] });
  });

  it('cancels every run and waits until they stopped at their batch boundary', async () => {
    const active = new Set(['r1', 'r2']);
    const cancelled: string[] = [];
    let polls = 0;
    const left = await stopRuns(['r1', 'r2'], {
      cancel: async (id) => {
        cancelled.push(id);
      },
      isActive: async (id) => {
        polls++;
        if (polls > 2) active.delete(id); // the runner reaches the batch boundary a little later
        return active.has(id);
      },
    }, { pollMs: 1, sleep: async () => undefined });
    expect(cancelled.sort()).toEqual(['r1', 'r2']);
    expect(left).toEqual([]);
  });

  it('gives up waiting after the timeout and reports the runs still active', async () => {
    const left = await stopRuns(['r1'], { cancel: async () => { throw new Error('engine gone'); }, isActive: async () => true }, { timeoutMs: 5, pollMs: 1, sleep: async () => undefined });
    expect(left).toEqual(['r1']);
  });

  it('closing the window hides it and says so the first time only; quitting closes it', () => {
    expect(decideClose({ quitting: false, closeNoticeShown: false })).toEqual({ hide: true, showNotice: true });
    expect(decideClose({ quitting: false, closeNoticeShown: true })).toEqual({ hide: true, showNotice: false });
    expect(decideClose({ quitting: true, closeNoticeShown: false })).toEqual({ hide: false, showNotice: false });
  });
});

describe('desktop notifications', () => {
  it('tells of a failed run and of a newly opened alert, in the shell language', () => {
    expect(notificationFor({ type: 'run.updated', payload: { id: 'r', bridgeName: 'staff', status: 'failed', error: { message: 'boom' } } }, 'zh-CN'))
      .toEqual({ title: '前置交换节点', body: '桥接任务 staff 运行失败: boom' });
    expect(notificationFor({ type: 'alert.changed', payload: { id: 1, status: 'open', count: 1, message: { key: 'shell.notify.runFailed', params: { bridge: 'x' } } } }, 'en'))
      .toEqual({ title: 'ExNode front-end node', body: 'Alert: Bridge x failed' });
  });

  it('stays silent for successes, repeats of an alert and unknown events', () => {
    expect(notificationFor({ type: 'run.updated', payload: { id: 'r', bridgeName: 'staff', status: 'succeeded' } }, 'en')).toBeNull();
    expect(notificationFor({ type: 'alert.changed', payload: { id: 1, status: 'open', count: 3, message: 'x' } }, 'en')).toBeNull();
    expect(notificationFor({ type: 'whatever', payload: {} }, 'en')).toBeNull();
  });
});
