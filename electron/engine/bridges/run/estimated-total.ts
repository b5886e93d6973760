/**
 * A run's estimated total, counted while the run already moves rows: a COUNT over a large table can
 * take longer than the first batches, and the total only feeds the progress bar. Null until known, and
 * if the count fails (a real problem with the source fails the run's own reads).
 */
export function totalInBackground(count: () => Promise<number | null>): () => number | null {
  let total: number | null = null;
  count().then((n) => { total = n; }, () => undefined);
  return () => total;
}
