import type { BridgeConfig, CanonicalType, Column, Row, TableSchema } from '../../../../shared/index.js';
import { ExNodeError, msg } from '../../../../shared/index.js';
import { applyMask, type Hmac } from './masks.js';
import type { NodeColumns } from '../exchange/checkpoint.js';

/** How one target column is produced from a source row. */
interface TargetField {
  readonly column: Column;
  /** The source column it is read from, if any. */
  readonly source?: string;
  readonly produce: (row: Row) => unknown;
}

/** A bridge's column mapping resolved against the source table: what is read and what is written. */
export interface Mapping {
  /** Source columns to read (always includes the key). */
  readonly sourceColumns: Column[];
  readonly sourceKey: string[];
  /** Business columns of the target, in write order. */
  readonly targetColumns: Column[];
  readonly targetKey: string[];
  /** Maps, casts and masks one source row into target values (in `targetColumns` order). */
  apply(row: Row): unknown[];
}

export function buildMapping(bridge: BridgeConfig, source: TableSchema, hmac: Hmac): Mapping {
  const byName = new Map(source.columns.map((c) => [c.name, c]));
  const need = (name: string, what: 'key' | 'cursor' | 'mapped'): Column => {
    const col = byName.get(name);
    if (!col) throw new ExNodeError('SCHEMA_MISMATCH', msg(`bridges.notAColumn.${what}`, { name, table: source.name, columns: [...byName.keys()].join(', ') }));
    return col;
  };
  const sourceKey = bridge.primaryKey ?? (source.primaryKey.length > 0 ? source.primaryKey : uniqueNotNullKey(source));
  if (sourceKey.length === 0) {
    throw new ExNodeError('INVALID_INPUT', msg('bridges.noKey', { table: source.name }));
  }
  sourceKey.forEach((k) => need(k, 'key'));
  (bridge.cursor ?? []).forEach((k) => need(k, 'cursor'));

  const fields: TargetField[] = [];
  if (bridge.columns && bridge.columns.length > 0) {
    for (const m of bridge.columns) {
      if (m.source !== undefined) {
        const src = need(m.source, 'mapped');
        const column = retype({ ...src, name: m.target ?? src.name }, m.cast, m.mask !== undefined);
        const name = src.name;
        const cast = m.cast;
        const mask = m.mask;
        if (mask && sourceKey.includes(name)) {
          throw new ExNodeError('INVALID_INPUT', msg('bridges.keyMasked', { name }));
        }
        fields.push({
          column,
          source: name,
          produce: (row) => {
            let v = row[name];
            if (cast) v = castValue(v, cast);
            return mask ? applyMask(mask, v, hmac) : v;
          },
        });
      } else {
        const constant = m.constant ?? null;
        fields.push({
          column: { name: m.target!, nativeType: 'constant', type: constantType(constant), nullable: constant === null, primaryKey: false },
          produce: () => constant,
        });
      }
    }
  } else {
    const excluded = new Set(bridge.exclude ?? []);
    for (const col of source.columns) {
      if (excluded.has(col.name)) continue;
      fields.push({ column: col, source: col.name, produce: (row) => row[col.name] });
    }
  }

  const targetKey = sourceKey.map((k) => {
    const field = fields.find((f) => f.source === k);
    if (!field) throw new ExNodeError('INVALID_INPUT', msg('bridges.keyUnmapped', { name: k }));
    return field.column.name;
  });
  const names = new Set<string>();
  for (const f of fields) {
    if (names.has(f.column.name)) throw new ExNodeError('INVALID_INPUT', msg('bridges.targetColumnTwice', { name: f.column.name }));
    names.add(f.column.name);
  }
  const targetColumns = fields.map((f) => ({ ...f.column, primaryKey: targetKey.includes(f.column.name), nullable: targetKey.includes(f.column.name) ? false : f.column.nullable }));
  const readNames = new Set([...sourceKey, ...(bridge.cursor ?? []), ...sourceNamesUsed(bridge, source)]);
  const produce = fields.map((f) => f.produce);
  return {
    sourceColumns: source.columns.filter((c) => readNames.has(c.name)),
    sourceKey,
    targetColumns,
    targetKey,
    apply: (row) => produce.map((p) => p(row)),
  };
}

/**
 * A bridge's mapping as its runs use it. A receive bridge reads an exchange table: its node columns
 * are not business columns, but op, seq and first seq are read to apply the changes in order.
 */
export function runMapping(bridge: BridgeConfig, source: TableSchema, node: NodeColumns, hmac: Hmac): Mapping {
  if (bridge.direction === 'send') return buildMapping(bridge, source, hmac);
  const isNode = (name: string) => Object.values(node).includes(name);
  const mapping = buildMapping(bridge, { ...source, columns: source.columns.filter((c) => !isNode(c.name)) }, hmac);
  const extra = source.columns.filter((c) => c.name === node.op || c.name === node.seq || c.name === node.firstSeq);
  return { ...mapping, sourceColumns: [...mapping.sourceColumns, ...extra] };
}

function sourceNamesUsed(bridge: BridgeConfig, source: TableSchema): string[] {
  if (bridge.columns && bridge.columns.length > 0) return bridge.columns.flatMap((m) => (m.source ? [m.source] : []));
  const excluded = new Set(bridge.exclude ?? []);
  return source.columns.map((c) => c.name).filter((n) => !excluded.has(n));
}

/** A masked value is text whatever it was before (a masked ID or a hash token). */
function retype(column: Column, cast: CanonicalType | undefined, masked: boolean): Column {
  if (masked) return { ...column, type: 'string', length: 128, nativeType: 'masked', precision: undefined, scale: undefined };
  if (!cast || cast === column.type) return column;
  return { ...column, type: cast, nativeType: `cast:${cast}` };
}

function constantType(value: unknown): CanonicalType {
  if (typeof value === 'number') return Number.isInteger(value) ? 'bigint' : 'double';
  if (typeof value === 'boolean') return 'boolean';
  return 'string';
}

function castValue(value: unknown, type: CanonicalType): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'integer':
    case 'float':
    case 'double': {
      const n = Number(value);
      if (Number.isNaN(n)) throw new ExNodeError('ROW_REJECTED', msg('bridges.castFailed', { value: String(value), type }));
      return type === 'integer' ? Math.trunc(n) : n;
    }
    case 'bigint':
    case 'decimal':
      return String(value);
    case 'boolean':
      return typeof value === 'boolean' ? value : ['1', 'true', 'y', 'yes', '是'].includes(String(value).toLowerCase());
    case 'binary':
      return Buffer.isBuffer(value) ? value : Buffer.from(String(value), 'utf8');
    default:
      return Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
  }
}

/** Without a primary key, a unique key whose columns are all NOT NULL identifies rows just as well. */
function uniqueNotNullKey(source: TableSchema): string[] {
  const nullable = new Set(source.columns.filter((c) => c.nullable).map((c) => c.name));
  return source.uniqueKeys.find((key) => key.length > 0 && key.every((k) => !nullable.has(k))) ?? [];
}
