import { formatLocalTime } from '../../../shared/time.js';

/** 100000 → "100,000": counts are read by people, thousands separators always. */
export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? '-' : n.toLocaleString('en-US');
}

/** Local time with its UTC offset, as the CLI prints it too. */
export function formatTime(iso: string | null | undefined): string {
  return formatLocalTime(iso);
}

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '-';
  if (ms < 1000) return `${ms} ms`;
  const s = ms / 1000;
  return s < 120 ? `${s.toFixed(1)} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}
