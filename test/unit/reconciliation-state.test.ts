import { describe, expect, it } from 'vitest';
import { type RunFacts, reconciliationOf, render } from '../../shared/index.js';

const base: RunFacts = {
  status: 'succeeded',
  progress: { phase: 'done' },
  sender: { total: 1002, inserted: 4, updated: 2, deleted: 0 },
  receiver: { inserted: 4, updated: 2, deleted: 0, rejected: 0 },
  deviation: { inserted: 0, updated: 0, deleted: 0, total: 0 },
  error: null,
};

describe('the reconciliation of a run', () => {
  it('is reconciled only when a finished run\'s counts agree, and says what "read" means', () => {
    const r = reconciliationOf(base);
    expect(r.status).toBe('reconciled');
    expect(render('en', r.meaning)).toBe('The sender read 1,002 rows: 6 changed and had to be written, 996 unchanged (nothing to write); the receiver applied 6 rows and rejected 0');
    expect(render('zh-CN', r.summary)).toBe('已核对：无偏差，发送端与接收端一致');
  });

  it('names the kinds that deviate', () => {
    const r = reconciliationOf({ ...base, receiver: { inserted: 1, updated: 2, deleted: 0, rejected: 3 }, deviation: { inserted: 3, updated: 0, deleted: 0, total: 3 } });
    expect(r).toMatchObject({ status: 'deviation', kinds: ['inserted'] });
    expect(render('en', r.summary)).toBe('Deviation 3 (inserted 3, updated 0, deleted 0)');
  });

  it('never calls a failed run reconciled, even with zero counts, and names the phase it failed in', () => {
    const failed = reconciliationOf({
      ...base, status: 'failed', progress: { phase: 'queued' }, sender: { total: 0, inserted: 0, updated: 0, deleted: 0 },
      receiver: { inserted: 0, updated: 0, deleted: 0, rejected: 0 }, error: { code: 'CONNECTION_REFUSED', message: 'connection refused' },
    });
    expect(failed).toMatchObject({ status: 'not-reconciled', phase: 'prepare', kinds: [] });
    expect(render('en', failed.summary)).toBe('Not reconciled: the run failed at phase "preparing (connecting, reading the table structure)": connection refused');
    expect(render('zh-CN', failed.summary)).toBe('未核对：运行在“准备（连接数据库、读取表结构）”阶段失败：connection refused');

    const midCopy = reconciliationOf({ ...base, status: 'failed', progress: { phase: 'copy' }, error: { code: 'X', message: 'disk full' } });
    expect(midCopy.phase).toBe('copy');
    expect(render('zh-CN', midCopy.summary)).toBe('未核对：运行在“复制”阶段失败：disk full');
  });

  it('calls cancelled, running and queued runs not reconciled', () => {
    expect(reconciliationOf({ ...base, status: 'cancelled', progress: { phase: 'queued' }, error: { code: 'CANCELLED', message: 'Cancelled before it started' } }))
      .toMatchObject({ status: 'not-reconciled', phase: 'queued' });
    expect(reconciliationOf({ ...base, status: 'cancelled', progress: { phase: 'deletes' }, error: { code: 'CANCELLED', message: 'Cancelled' } }))
      .toMatchObject({ status: 'not-reconciled', phase: 'deletes' });
    expect(reconciliationOf({ ...base, status: 'running', progress: { phase: 'copy' } }).status).toBe('not-reconciled');
    expect(render('en', reconciliationOf({ ...base, status: 'queued', progress: { phase: 'queued' } }).summary)).toBe('Not reconciled: the run is queued and has not started');
  });
});
