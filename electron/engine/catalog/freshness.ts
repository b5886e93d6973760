import type { StateDb } from '../store/db.js';
import { CatalogStore } from './store.js';

/**
 * How old a bridge's data may be before monitoring raises its freshness alert: the update cycle of
 * the bridge's catalog entry, in milliseconds; null when the bridge has no entry or an irregular cycle.
 */
export function freshnessLimitFor(db: StateDb, bridgeName: string): Promise<number | null> {
  return new CatalogStore(db).freshnessLimitFor(bridgeName);
}
