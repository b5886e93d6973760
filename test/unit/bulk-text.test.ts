import { describe, expect, it } from 'vitest';
import type { Column } from '../../shared/index.js';
import { fieldEncoder, tabSeparatedChunks } from '../../connectors/core/bulk-text.js';

const col = (name: string, type: Column['type']): Column => ({ name, nativeType: type, type, nullable: true, primaryKey: false });
const general = (v: unknown) => (v === null || v === undefined ? '\\N' : `<${String(v)}>`);
const options = { passThrough: true, needsEscape: /[\\\t\n]/, escape: (s: string) => s.replace(/[\\\t\n]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n' })[c]!) };

describe('tab-separated bulk text', () => {
  it('writes strings and numbers directly, escapes text that needs it, and hands everything else to the general encoder', () => {
    const text = fieldEncoder(col('t', 'text'), general, options);
    const amount = fieldEncoder(col('a', 'decimal'), general, options);
    expect([text('a\tb'), text('中文'), text(null), text(true), amount('12.50'), amount(3), amount(null)])
      .toEqual(['a\\tb', '中文', '\\N', '<true>', '12.50', '3', '\\N']);
    const converted = fieldEncoder(col('b', 'boolean'), general, { ...options, passThrough: false });
    expect([converted('1'), converted(2)]).toEqual(['<1>', '<2>']);
  });

  it('cuts chunks only between whole lines, and gives a line longer than a chunk a buffer of its own', () => {
    const encoders = [fieldEncoder(col('id', 'bigint'), general, options), fieldEncoder(col('doc', 'text'), general, options)];
    const rows: unknown[][] = [];
    for (let i = 0; i < 3000; i++) rows.push([String(i), i === 1500 ? '长'.repeat(200_000) : `第${i}行`]);
    const chunks = [...tabSeparatedChunks(encoders, rows)];
    expect(chunks.length).toBeGreaterThan(2);
    for (const chunk of chunks) expect(chunk[chunk.length - 1]).toBe(0x0a);
    const expected = `${rows.map((r) => `${String(r[0])}\t${String(r[1])}`).join('\n')}\n`;
    expect(Buffer.concat(chunks).toString('utf8')).toBe(expected);
    expect(chunks.some((c) => c.length === Buffer.byteLength(`1500\t${'长'.repeat(200_000)}\n`))).toBe(true);
  });

  it('yields nothing for no rows', () => {
    expect([...tabSeparatedChunks([fieldEncoder(col('id', 'bigint'), general, options)], [])]).toEqual([]);
  });
});
