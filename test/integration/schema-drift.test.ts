import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { DriftEvent, SnapshotResult } from '../../shared/index.js';
import { startHarness, type Harness } from './bridges/harness.js';
import { tempDir } from '../support/temp.js';
import { diffSchemas } from '../../electron/engine/schema/diff.js';

describe('schema collection and drift', () => {
  const tmp = tempDir('exnode-drift-');
  const file = path.join(tmp.dir, 'hr.sqlite');
  let h: Harness;
  afterAll(async () => {
    await h?.close();
    tmp.remove();
  });

  it('records a first snapshot, then names every added, dropped and changed table and column', async () => {
    const db = new Database(file);
    db.exec(`CREATE TABLE staff (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL, dept VARCHAR(20));
             CREATE TABLE legacy (code VARCHAR(10) PRIMARY KEY)`);
    h = await startHarness();
    await h.call('connections/save', { config: { name: 'hr', dialect: 'sqlite', filename: file } });
    const first = await h.call<SnapshotResult>('connections/snapshot', { name: 'hr' });
    expect(first).toMatchObject({ first: true, tables: 2, changes: [] });

    db.exec(`ALTER TABLE staff ADD COLUMN phone VARCHAR(11); DROP TABLE legacy; CREATE TABLE leave (id INTEGER PRIMARY KEY, days INTEGER)`);
    db.close();
    const second = await h.call<SnapshotResult>('connections/snapshot', { name: 'hr' });
    expect(second.first).toBe(false);
    expect(second.changes).toEqual(expect.arrayContaining([
      { kind: 'column-added', table: 'staff', column: 'phone', detail: 'VARCHAR(11)' },
      { kind: 'table-dropped', table: 'legacy' },
      { kind: 'table-added', table: 'leave', detail: '2 columns' },
    ]));
    const history = await h.call<DriftEvent[]>('connections/drift', { name: 'hr' });
    expect(history).toHaveLength(1);
    expect(history[0]!.changes).toHaveLength(3);
    const third = await h.call<SnapshotResult>('connections/snapshot', { name: 'hr' });
    expect(third.changes).toEqual([]);
  });

  it('sees a widened column and a changed key', () => {
    const col = { nativeType: 'varchar', type: 'string' as const, nullable: true, primaryKey: false };
    const base = { name: 't', kind: 'table' as const, rowEstimate: null, uniqueKeys: [], indexes: [] };
    const before = [{ ...base, columns: [{ ...col, name: 'a', length: 50 }, { ...col, name: 'b', length: 5 }], primaryKey: ['a'] }];
    const after = [{ ...base, columns: [{ ...col, name: 'a', length: 100 }, { ...col, name: 'b', length: 5 }], primaryKey: ['a', 'b'] }];
    expect(diffSchemas(before, after)).toEqual([
      { kind: 'column-changed', table: 't', column: 'a', detail: 'varchar(50) → varchar(100)' },
      { kind: 'key-changed', table: 't', detail: '(a) → (a, b)' },
    ]);
  });
});
