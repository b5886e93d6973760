import { describe, expect, it } from 'vitest';
import type { TableSchema } from '../../shared/index.js';
import { bridgeNameFor, matchesPattern, usableKey } from '../../electron/engine/batch/plan.js';

const table = (over: Partial<TableSchema>): TableSchema => ({
  name: 't', kind: 'table', rowEstimate: 0, columns: [], primaryKey: [], uniqueKeys: [], indexes: [], ...over,
});
const column = (name: string, nullable: boolean) => ({ name, nativeType: 'int', type: 'integer', nullable, primaryKey: false }) as TableSchema['columns'][number];

describe('planning bridges for many tables', () => {
  it('matches --exclude patterns with * as any text, literally otherwise', () => {
    expect(matchesPattern('tmp_*', 'tmp_2024')).toBe(true);
    expect(matchesPattern('tmp_*', 'TMP_x')).toBe(true);
    expect(matchesPattern('tmp_*', 'person')).toBe(false);
    expect(matchesPattern('a.b', 'axb')).toBe(false);
  });
  it('uses the primary key, else a unique key of NOT NULL columns, else none', () => {
    expect(usableKey(table({ primaryKey: ['id'] }))).toEqual(['id']);
    expect(usableKey(table({ columns: [column('code', false)], uniqueKeys: [['code']] }))).toEqual(['code']);
    expect(usableKey(table({ columns: [column('code', true)], uniqueKeys: [['code']] }))).toEqual([]);
    expect(usableKey(table({}))).toEqual([]);
  });
  it('names bridges within what a name may contain', () => {
    expect(bridgeNameFor('biz', 'person')).toBe('biz-person');
    expect(bridgeNameFor('biz', 'my table$1')).toBe('biz-my_table_1');
    expect(bridgeNameFor('b', 'x'.repeat(100))).toHaveLength(64);
  });
});
