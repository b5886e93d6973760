import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { ConfigImportResult } from '../../shared/config-doc.js';
import { passwordVariableFor } from '../../shared/config-doc.js';
import { ExNodeError } from '../../shared/index.js';
import { startHarness, type Harness } from './bridges/harness.js';

describe('configuration import, all or nothing', () => {
  let h: Harness;
  afterAll(async () => h?.close());

  it('names the password variable after the connection', () => {
    expect(passwordVariableFor('hr-pg')).toBe('EXNODE_PW_HR_PG');
    expect(passwordVariableFor('人口.库')).toBe('EXNODE_PW_____');
  });

  it('rolls every change back when applying fails half-way, and says where', async () => {
    h = await startHarness();
    // A department's SQLite files live in the data directory's files/ (the node's own files are not connections).
    fs.mkdirSync(path.join(h.engine.dataDir, 'files'), { recursive: true });
    const file = path.join(h.engine.dataDir, 'files', 'biz.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE a (id INTEGER PRIMARY KEY, v TEXT); CREATE TABLE b (id INTEGER PRIMARY KEY, v TEXT)');
    db.close();
    await h.call('connections/save', { config: { name: 'biz', dialect: 'sqlite', filename: file } });
    await h.call('bridges/save', { config: { name: 'keep', source: { connection: 'biz', table: 'a' } } });
    const before = await h.call<{ yaml: string }>('config/export', {});

    // Valid on its own, but the two new bridges write the same exchange table: the second fails when applied.
    const doc = {
      version: 1,
      connections: [{ name: 'biz', dialect: 'sqlite', filename: file }, { name: 'extra', dialect: 'sqlite', filename: file }],
      bridges: [
        { name: 'one', source: { connection: 'extra', table: 'b' }, target: { table: 'same' } },
        { name: 'two', source: { connection: 'biz', table: 'b' }, target: { table: 'same' } },
      ],
    };
    const plan = await h.call<ConfigImportResult>('config/import', { yaml: stringify(doc) });
    expect(plan.plan.map((p) => `${p.action} ${p.section}/${p.name}`).sort()).toEqual([
      'added bridges/one', 'added bridges/two', 'added connections/extra', 'removed bridges/keep', 'unchanged connections/biz',
    ]);
    const failed = await h.call('config/import', { yaml: stringify(doc), apply: true }).catch((e: unknown) => e as ExNodeError);
    expect(failed).toBeInstanceOf(ExNodeError);
    expect((failed as ExNodeError).localized('zh-CN')).toContain('导入在“bridges/two”处失败，已全部撤销');
    expect((await h.call<{ yaml: string }>('config/export', {})).yaml).toBe(before.yaml);
  });
});
