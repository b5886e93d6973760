import type { SourceStaleSetting } from '../../../shared/index.js';

/**
 * "The source stopped changing" (R5): a bridge whose source usually changes between runs and has now
 * not changed for much longer than usual. Sync looks healthy (every run succeeds) while the business
 * system upstream silently stopped writing — the case the stall watchdog cannot see.
 */

/** Successful runs looked at to learn a bridge's habit. */
export const HISTORY_RUNS = 20;
/** Fewer successful runs than this: too little history to call anything usual. */
export const MIN_RUNS = 5;
/** At least this share of the runs looked at must have found changes for the source to "usually change". */
export const USUAL_CHANGE_SHARE = 0.5;
/** The alert comes after this many typical intervals between changes without one... */
export const STALE_FACTOR = 3;
/** ...and never sooner than this (a source changing every minute is not stale after three). */
export const MIN_LIMIT_MINUTES = 30;

export type { SourceStaleSetting };

/** One finished successful run: when it finished and how many changed rows its sender found. */
export interface ObservedRun { readonly finishedMs: number; readonly changes: number }

export type SourceStaleVerdict =
  | { readonly state: 'off' | 'unknown' | 'rarely-changes' }
  | { readonly state: 'fresh' | 'stale'; readonly limitMinutes: number; readonly typicalMinutes: number | null; readonly ageMinutes: number; readonly lastChangeMs: number; readonly lastRunMs: number };

/**
 * Judges a bridge from its latest successful runs (any order) at time `nowMs`. Stale means: the last
 * run that found changes is older than the limit, and the bridge has looked since (a run without
 * changes came after it) — a bridge that stopped running is the stall watchdog's, not this.
 */
export function judgeSourceStale(runs: readonly ObservedRun[], setting: SourceStaleSetting, nowMs: number): SourceStaleVerdict {
  if (setting === 'off') return { state: 'off' };
  const recent = [...runs].sort((a, b) => b.finishedMs - a.finishedMs).slice(0, HISTORY_RUNS);
  const changed = recent.filter((r) => r.changes > 0);
  const lastChange = changed[0];
  const lastRun = recent[0];
  if (!lastChange || !lastRun) return { state: 'unknown' };
  let limitMinutes: number;
  let typicalMinutes: number | null = null;
  if (setting === 'auto') {
    if (recent.length < MIN_RUNS || changed.length < 3) return { state: 'unknown' };
    if (changed.length / recent.length < USUAL_CHANGE_SHARE) return { state: 'rarely-changes' };
    typicalMinutes = median(gaps(changed.map((r) => r.finishedMs))) / 60_000;
    limitMinutes = Math.max(MIN_LIMIT_MINUTES, Math.ceil(typicalMinutes * STALE_FACTOR));
  } else {
    limitMinutes = setting;
  }
  const ageMinutes = Math.floor((nowMs - lastChange.finishedMs) / 60_000);
  const lookedSince = lastRun.finishedMs > lastChange.finishedMs;
  const state = lookedSince && ageMinutes > limitMinutes ? 'stale' : 'fresh';
  return { state, limitMinutes, typicalMinutes: typicalMinutes === null ? null : Math.round(typicalMinutes), ageMinutes, lastChangeMs: lastChange.finishedMs, lastRunMs: lastRun.finishedMs };
}

/** Stored form of the setting (a nullable text column): null is auto. */
export function parseSourceStale(stored: string | null | undefined): SourceStaleSetting {
  if (stored === null || stored === undefined || stored === 'auto') return 'auto';
  if (stored === 'off') return 'off';
  const minutes = Number(stored);
  return Number.isInteger(minutes) && minutes > 0 ? minutes : 'auto';
}

export function storeSourceStale(setting: SourceStaleSetting): string | null {
  return setting === 'auto' ? null : String(setting);
}

/** Gaps between consecutive times, newest first in, positive gaps out. */
function gaps(timesNewestFirst: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < timesNewestFirst.length; i++) out.push(timesNewestFirst[i - 1]! - timesNewestFirst[i]!);
  return out;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
