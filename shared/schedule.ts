import { z } from 'zod';
import { Cron } from 'croner';
import { resourceNameSchema } from './connection.js';
import type { Lang } from './messages/define.js';

/** Time zone of a cron schedule when none is given: the department's own. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const EVERY = /^(\d{1,6})(s|m|h)$/;
const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000 } as const;

/** `30s`, `5m`, `1h` in milliseconds, or null when the text is not such an interval. */
export function intervalMs(every: string): number | null {
  const m = EVERY.exec(every.trim());
  if (!m) return null;
  const ms = Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
  return ms >= 1000 && ms <= 31 * 24 * 3_600_000 ? ms : null;
}

function zoneValid(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Why a cron expression is not usable (croner's words), or null when it is. */
export function cronProblem(expr: string, zone: string): string | null {
  const fields = expr.trim().split(/\s+/).length;
  // croner also takes a seventh (year) field; ExNode documents five or six, and a year field only ends a schedule.
  if (fields !== 5 && fields !== 6) return `${fields} fields`;
  try {
    new Cron(expr, { timezone: zone, paused: true }).stop();
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/** A valid cron expression that never fires (the 30th of February). */
function cronNeverFires(expr: string, zone: string): boolean {
  const cron = new Cron(expr, { timezone: zone, paused: true });
  try {
    return cron.nextRun() === null;
  } finally {
    cron.stop();
  }
}

/** Texts of the schedule checks; their zh-CN is in messages/validation.ts. */
const CRON_INVALID = 'is not a cron expression: five fields (minute hour day month weekday) or six with seconds first, e.g. 0 2 * * * or */10 * * * * *';
const CRON_NEVER = 'never fires (no such date): check the day and month fields';
const ZONE_UNKNOWN = 'unknown time zone (use an IANA name such as Asia/Shanghai)';
const INTERVAL_INVALID = 'an interval like 30s, 5m or 1h (1 second to 31 days)';

export const scheduleSpecSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('cron'),
    /** Five fields, or six with seconds first (`*\/10 * * * * *`). */
    cron: z.string().trim().min(1).max(200),
    timezone: z.string().trim().min(1).default(DEFAULT_TIME_ZONE).refine(zoneValid, ZONE_UNKNOWN),
  }).strict().superRefine((s, ctx) => {
    if (!zoneValid(s.timezone)) return; // refused by its own check
    if (cronProblem(s.cron, s.timezone)) ctx.addIssue({ code: 'custom', path: ['cron'], message: CRON_INVALID });
    else if (cronNeverFires(s.cron, s.timezone)) ctx.addIssue({ code: 'custom', path: ['cron'], message: CRON_NEVER });
  }),
  z.object({
    kind: z.literal('interval'),
    every: z.string().trim().refine((v) => intervalMs(v) !== null, INTERVAL_INVALID),
  }).strict(),
  z.object({
    kind: z.literal('after'),
    /** Runs each time this other bridge's run succeeds. */
    after: resourceNameSchema,
  }).strict(),
]);
export type ScheduleSpec = z.output<typeof scheduleSpecSchema>;
export type ScheduleSpecInput = z.input<typeof scheduleSpecSchema>;

/** What happens to fires missed while the node was off or asleep. */
export const MISSED_POLICIES = ['run-once', 'skip'] as const;
export const missedPolicySchema = z.enum(MISSED_POLICIES);
export type MissedPolicy = z.infer<typeof missedPolicySchema>;

/**
 * The fire times strictly after `fromMs`, at most `count` of them. Intervals are aligned to whole
 * multiples of the interval since the epoch, so a restart does not shift them. A chain has none.
 */
export function nextFires(spec: ScheduleSpec, fromMs: number, count: number): number[] {
  if (spec.kind === 'after') return [];
  if (spec.kind === 'interval') {
    const step = intervalMs(spec.every)!;
    const first = Math.floor(fromMs / step) * step + step;
    return Array.from({ length: count }, (_, i) => first + i * step);
  }
  return cronOf(spec.cron, spec.timezone).nextRuns(count, new Date(fromMs)).map((d) => d.getTime());
}

/**
 * Parsed cron patterns, kept: parsing one costs about a millisecond, and a scheduler tick asks each
 * cron bridge for its next fire (200 bridges took 240 ms a tick when each was parsed anew).
 */
const CRONS = new Map<string, Cron>();
const MAX_CRONS = 2000;

function cronOf(expr: string, zone: string): Cron {
  const key = `${zone}\u0000${expr}`;
  let cron = CRONS.get(key);
  if (!cron) {
    if (CRONS.size >= MAX_CRONS) CRONS.clear();
    cron = new Cron(expr, { timezone: zone, paused: true });
    CRONS.set(key, cron);
  }
  return cron;
}

/** The fire times in (fromMs, toMs], at most `limit` (a long outage of a 1-second schedule is counted, not listed). */
export function firesBetween(spec: ScheduleSpec, fromMs: number, toMs: number, limit = 10_000): number[] {
  const out: number[] = [];
  let cursor = fromMs;
  // Asked every tick for fires that are usually not there: start with one and grow, as a cron's
  // next fires in a time zone cost about a millisecond each.
  let size = 1;
  while (out.length < limit) {
    const batch = nextFires(spec, cursor, Math.min(size, limit - out.length));
    size = Math.min(500, size * 4);
    for (const t of batch) {
      if (t > toMs) return out;
      out.push(t);
    }
    if (batch.length === 0) return out;
    cursor = batch[batch.length - 1]!;
  }
  return out;
}

const TEXT = {
  'zh-CN': {
    s: '秒', m: '分钟', h: '小时', every: (n: string, u: string) => `每 ${n} ${u}`,
    after: (b: string) => `桥接“${b}”成功后运行`,
    daily: (t: string, z: string) => `每天 ${t}（${z}）`,
    everySeconds: (n: number) => `每 ${n} 秒`, everyMinutes: (n: number) => `每 ${n} 分钟`,
    cron: (e: string, z: string) => `按 cron 表达式 ${e}（${z}）`,
  },
  en: {
    s: 'seconds', m: 'minutes', h: 'hours', every: (n: string, u: string) => `every ${n} ${u}`,
    after: (b: string) => `after bridge "${b}" succeeds`,
    daily: (t: string, z: string) => `every day at ${t} (${z})`,
    everySeconds: (n: number) => `every ${n} seconds`, everyMinutes: (n: number) => `every ${n} minutes`,
    cron: (e: string, z: string) => `cron ${e} (${z})`,
  },
} as const;

/** A plain description of a schedule a technician reads at a glance. */
export function describeSchedule(spec: ScheduleSpec, lang: Lang): string {
  const t = TEXT[lang];
  if (spec.kind === 'after') return t.after(spec.after);
  if (spec.kind === 'interval') {
    const m = EVERY.exec(spec.every.trim())!;
    return t.every(m[1]!, t[m[2] as 's' | 'm' | 'h']);
  }
  const fields = spec.cron.trim().split(/\s+/);
  const [sec, min, hour, dom, mon, dow] = fields.length === 6 ? fields : ['0', ...fields];
  const rest = [dom, mon, dow].every((f) => f === '*' || f === '?');
  const step = (f: string | undefined) => (f && /^\*\/\d+$/.test(f) ? Number(f.slice(2)) : null);
  if (rest && hour === '*' && min === '*' && step(sec) !== null) return t.everySeconds(step(sec)!);
  if (rest && hour === '*' && sec === '0' && step(min) !== null) return t.everyMinutes(step(min)!);
  if (rest && /^\d+$/.test(sec!) && /^\d+$/.test(min!) && /^\d+$/.test(hour!)) {
    const time = [hour, min, sec].map((v) => v!.padStart(2, '0')).join(':');
    return t.daily(sec === '0' ? time.slice(0, 5) : time, spec.timezone);
  }
  return t.cron(spec.cron, spec.timezone);
}

/** A fire time as the schedule's zone shows it (`2026-12-01 02:00:00`). */
export function formatFire(ms: number, zone: string): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
  }).format(new Date(ms));
}

export const scheduleViewSchema = z.object({
  bridge: z.string(),
  bridgeEnabled: z.boolean(),
  /** Null when the bridge runs only when someone starts it. */
  spec: scheduleSpecSchema.nullable(),
  missedPolicy: missedPolicySchema,
  deployed: z.boolean(),
  /** The account the scheduled runs run as. */
  deployedBy: z.string().nullable(),
  deployedAt: z.string().nullable(),
  description: z.object({ 'zh-CN': z.string(), en: z.string() }).nullable(),
  /** The next five fire times (ISO, UTC); empty for chains and schedules not deployed or paused. */
  nextFires: z.array(z.string()),
  lastRun: z.object({ id: z.string(), status: z.string(), startedAt: z.string(), trigger: z.string() }).nullable(),
});
export type ScheduleView = z.infer<typeof scheduleViewSchema>;

export const schedulerStatusSchema = z.object({
  paused: z.boolean(),
  pausedBy: z.string().nullable(),
  pausedAt: z.string().nullable(),
});
export type SchedulerStatus = z.infer<typeof schedulerStatusSchema>;

export const schedulePreviewSchema = z.object({
  description: z.object({ 'zh-CN': z.string(), en: z.string() }),
  nextFires: z.array(z.string()),
});

/** Filters of the runs page and `exnode run list`. */
export const runFilterSchema = z.object({
  bridge: resourceNameSchema.optional(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled', 'skipped']).optional(),
  trigger: z.enum(['manual', 'schedule', 'cli', 'resume']).optional(),
  /** ISO times: runs started at or after `from` and before `to`. */
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
  limit: z.number().int().min(1).max(1000).default(50),
  offset: z.number().int().min(0).default(0),
}).strict();
export type RunFilter = z.output<typeof runFilterSchema>;
