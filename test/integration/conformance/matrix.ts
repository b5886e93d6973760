import type { Column } from '../../../shared/index.js';

const col = (name: string, type: Column['type'], extra: Partial<Column> = {}): Column => ({
  name, nativeType: type, type, nullable: true, primaryKey: false, ...extra,
});

/** One column per canonical type, with the sizes that matter. */
export const MATRIX_COLUMNS: Column[] = [
  { ...col('id', 'integer'), nullable: false, primaryKey: true },
  col('c_int', 'integer'),
  col('c_big', 'bigint'),
  col('c_dec', 'decimal', { precision: 38, scale: 10 }),
  col('c_float', 'float'),
  col('c_double', 'double'),
  col('c_bool', 'boolean'),
  col('c_str', 'string', { length: 100 }),
  col('c_text', 'text'),
  col('c_json', 'json'),
  col('c_uuid', 'uuid'),
  col('c_date', 'date'),
  col('c_time', 'time'),
  col('c_dt', 'datetime'),
  col('c_tstz', 'timestamptz'),
  col('c_bin', 'binary'),
];

const LONG_TEXT = '政务信息资源共享交换😀𠀀'.repeat(8000);

/**
 * Values in canonical form, chosen where tools lose data: 64-bit extremes, 28+10-digit decimals,
 * 4-byte UTF-8 and CJK extension B, quotes and escapes, microseconds, instants past 2038, bytes that
 * bulk formats must escape, long CLOB text, and NULL in every column.
 */
export const MATRIX_ROWS: unknown[][] = [
  [1, 2147483647, '9223372036854775807', '1234567890123456789012345678.1234567890', 0.5, 1.7976931348623157e308, true,
    `中文😀𠀀 it's "quoted" \\ back\tslash`, LONG_TEXT, '{"k":"中文","n":[1,2.5,null]}', '3f2504e0-4f89-11d3-9a0c-0305e82c3301',
    '9999-12-31', '23:59:59.999999', '9999-12-31 23:59:59.999999', '2100-06-30T12:34:56.789012Z', Buffer.from([0, 1, 2, 255, 0x5c, 0x09, 0x0a, 0x0d])],
  [2, -2147483648, '-9223372036854775808', '-0.0000000001', -1.25, -2.5e-300, false,
    '', '', '[]', '00000000-0000-0000-0000-000000000000',
    '1000-01-01', '00:00:00', '1000-01-01 00:00:00', '1970-01-01T00:00:00.000001Z', Buffer.alloc(0)],
  [3, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null],
  [4, 0, '0', '0.0000000000', 0, 0.1, true, 'ASCII only', '换行\n回车\r制表\t', '{}', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
    '2024-02-29', '12:00:00.5', '2024-02-29 08:00:00.123', '2024-02-29T00:00:00Z', Buffer.from('中文', 'utf8')],
];

/** Rows as plain comparable values (Buffers as hex). */
export function comparable(rows: Record<string, unknown>[]): unknown[][] {
  return rows.map((r) => MATRIX_COLUMNS.map((c) => {
    const v = r[c.name];
    return Buffer.isBuffer(v) ? `hex:${v.toString('hex')}` : v;
  }));
}

export function expectedRows(): unknown[][] {
  return MATRIX_ROWS.map((r) => r.map((v) => (Buffer.isBuffer(v) ? `hex:${v.toString('hex')}` : v)));
}
