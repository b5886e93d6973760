import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionView, RunRecord } from '../../../shared/index.js';
import type { Connector } from '../../../connectors/core/connector.js';
import { tempDir } from '../../support/temp.js';
import { CONFIGS } from '../conformance/dialects.js';
import { createPeople, startHarness, type Harness } from './harness.js';

/** Runs record each connection's last successful use; a failed run is noted beside it, never in its place. */
describe('a connection\'s last successful use', () => {
  const tmp = tempDir('exnode-last-use-');
  let h: Harness;
  let biz: Connector;
  const people = { name: 'lu_people' };
  const view = (name: string) => h.call<ConnectionView>('connections/get', { name });
  const run = (name: string) => h.call<RunRecord>('bridges/run', { name, wait: true });

  beforeAll(async () => {
    h = await startHarness();
    await h.call('connections/save', { config: { ...CONFIGS.mysql, name: 'biz' } });
    await h.call('connections/save', { config: { dialect: 'sqlite', name: 'unused', filename: path.join(tmp.dir, 'unused.sqlite') } });
    biz = await h.connector('biz');
    await createPeople(biz, people, 50);
    await h.call('bridges/save', { config: { name: 'lu', source: { connection: 'biz', table: people.name }, target: { table: 'lu_x_people' } } });
  });
  afterAll(async () => {
    await biz.dropTable(people);
    await h.close();
    tmp.remove();
  });

  it('is empty before any run, and set with the connection shown as working after a successful run', async () => {
    expect(await view('biz')).toMatchObject({ lastUsedAt: null, lastUseFailedAt: null, lastUseError: null });
    const before = new Date().toISOString();
    expect((await run('lu')).status).toBe('succeeded');
    const used = await view('biz');
    expect(used.lastUsedAt! >= before).toBe(true);
    expect(used.health).toBe('ok');
    // The receiving side (the embedded exchange database) was used too; a connection no run uses was not.
    expect((await view('exchange')).lastUsedAt).toBe(used.lastUsedAt);
    expect((await view('unused')).lastUsedAt).toBeNull();
  });

  it('keeps the last success when a run fails, and notes the failure with its message key', async () => {
    const success = (await view('biz')).lastUsedAt;
    await biz.dropTable(people);
    const failed = await run('lu');
    expect(failed.status).toBe('failed');
    const after = await view('biz');
    expect(after.lastUsedAt).toBe(success);
    expect(after.lastUseFailedAt! > success!).toBe(true);
    expect(after.lastUseError).toMatchObject({ code: failed.error!.code });
    expect(after.lastUseError).toMatchObject({ key: 'connectors.tableNotFound', params: { table: people.name, connection: 'biz' } });
  });
});
