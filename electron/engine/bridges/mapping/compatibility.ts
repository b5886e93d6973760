import type { CanonicalType, Column } from '../../../../shared/index.js';
import { msg } from '../../../../shared/index.js';
import type { RunContext } from '../run/context.js';

const INTEGERS: readonly CanonicalType[] = ['integer', 'bigint'];
const NUMBERS: readonly CanonicalType[] = ['integer', 'bigint', 'decimal', 'float', 'double'];
const TEXTS: readonly CanonicalType[] = ['string', 'text', 'json', 'uuid'];
const TIMES: readonly CanonicalType[] = ['date', 'datetime', 'timestamptz'];

/**
 * What may go wrong writing `source` values into an existing `target` column, in words a technician
 * can act on before the run (a value the target refuses is otherwise only found as a rejected row).
 * Empty when every value fits.
 */
export function columnWarning(source: Column, target: Column): string | null {
  const from = source.type;
  const to = target.type;
  const where = `${target.name}: ${describe(source)} → ${describe(target)}`;
  if (from === to) {
    if (to === 'string' && target.length !== undefined && (source.length === undefined || source.length > target.length)) {
      return `${where}: longer values will be rejected`;
    }
    if (to === 'decimal' && target.precision !== undefined) {
      const sourceScale = source.scale ?? 0;
      const targetScale = target.scale ?? 0;
      if (source.precision === undefined || source.precision - sourceScale > target.precision - targetScale) return `${where}: larger numbers will be rejected`;
      if (sourceScale > targetScale) return `${where}: decimals beyond ${targetScale} places will be rounded or rejected`;
    }
    if ((to === 'datetime' || to === 'timestamptz') && target.precision !== undefined && source.precision !== undefined && source.precision > target.precision) {
      return `${where}: fractions of a second beyond ${target.precision} digits will be cut`;
    }
    return null;
  }
  if (from === 'integer' && to === 'bigint') return null;
  if (INTEGERS.includes(from) && to === 'decimal') return null;
  if (from === 'float' && to === 'double') return null;
  if (from === 'text' && to === 'string' && target.length !== undefined) return `${where}: longer values will be rejected`;
  if (TEXTS.includes(from) && TEXTS.includes(to)) return null;
  if (to === 'text' || (to === 'string' && target.length === undefined)) return null;
  if (from === 'bigint' && to === 'integer') return `${where}: values beyond ±2,147,483,647 will be rejected`;
  if (NUMBERS.includes(from) && NUMBERS.includes(to)) return `${where}: values may be rounded or rejected`;
  if (from === 'timestamptz' && to === 'datetime') return `${where}: written as UTC without its time zone`;
  if (TIMES.includes(from) && TIMES.includes(to)) return `${where}: ${from === 'date' ? 'dates become midnight' : 'the time of day may be dropped'}`;
  return `${where}: values must convert, and those that do not will be rejected`;
}

/** Warnings for the mapped columns that already exist in the target table (new ones are created to fit). */
export function targetWarnings(mapped: readonly Column[], existing: readonly Column[]): string[] {
  const byName = new Map(existing.map((c) => [c.name.toLowerCase(), c]));
  return mapped.flatMap((c) => {
    const target = byName.get(c.name.toLowerCase());
    const warning = target ? columnWarning(c, target) : null;
    return warning ? [warning] : [];
  });
}

/** Logs, before a run writes anything, what may not fit the existing target table's columns. */
export async function logTargetWarnings(ctx: RunContext, existing: readonly Column[]): Promise<void> {
  for (const warning of targetWarnings(ctx.mapping.targetColumns, existing)) await ctx.log('warn', msg('bridges.targetColumnWarning', { warning }));
}

function describe(c: Column): string {
  if (c.length !== undefined) return `${c.type}(${c.length})`;
  if (c.precision !== undefined) return c.type === 'decimal' ? `decimal(${c.precision},${c.scale ?? 0})` : `${c.type}(${c.precision})`;
  return c.type;
}
