/**
 * Reads the next batch while the caller works on the current one, so the source database and the
 * receiver are busy at the same time. At most two batches are held: memory stays bounded.
 */
export async function* prefetch<T>(source: AsyncIterable<T>): AsyncIterable<T> {
  const iterator = source[Symbol.asyncIterator]();
  let next = iterator.next();
  try {
    for (;;) {
      const current = await next;
      if (current.done) return;
      next = iterator.next();
      // A failed read-ahead is reported when its turn comes, not as an unhandled rejection now.
      next.catch(() => undefined);
      yield current.value;
    }
  } finally {
    await iterator.return?.();
  }
}
