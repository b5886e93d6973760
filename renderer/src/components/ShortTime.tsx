import { formatLocalTime } from '../../../shared/time.js';

/** A time in a narrow column: month, day, hour and minute, local; the whole time with its zone on hover. */
export function ShortTime({ iso }: { iso: string | null | undefined }) {
  const full = formatLocalTime(iso);
  return <span className="exn-nowrap" title={full}>{iso && full !== iso ? full.slice(5, 16) : full}</span>;
}
