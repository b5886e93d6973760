import type { StateDb } from '../../store/db.js';

/** One key range of a diff bridge's source: keys in (previous upper, upper]; the last is open-ended. */
export interface KeyRange {
  readonly upper: unknown[] | null;
  readonly count: number;
  readonly checksum: string;
}

/** Range checksums of diff bridges, kept in the node's state store. */
export class RangeStore {
  constructor(private readonly db: StateDb) {}

  /** The stored ranges, or null when none exist for this mapping `signature`. */
  async load(bridgeId: string, signature: string): Promise<KeyRange[] | null> {
    const rows = await this.db('diff_ranges').where({ bridge_id: bridgeId }).orderBy('idx');
    if (rows.length === 0 || rows.some((r: { signature: string }) => r.signature !== signature)) return null;
    return rows.map((r: { upper_json: string | null; row_count: number; checksum: string }) => ({
      upper: r.upper_json === null ? null : (JSON.parse(r.upper_json) as unknown[]),
      count: r.row_count,
      checksum: r.checksum,
    }));
  }

  async replace(bridgeId: string, signature: string, ranges: readonly KeyRange[]): Promise<void> {
    await this.db.transaction(async (trx) => {
      await trx('diff_ranges').where({ bridge_id: bridgeId }).delete();
      const rows = ranges.map((r, idx) => ({
        bridge_id: bridgeId, idx, upper_json: r.upper === null ? null : JSON.stringify(r.upper),
        row_count: r.count, checksum: r.checksum, signature,
      }));
      for (let i = 0; i < rows.length; i += 200) await trx('diff_ranges').insert(rows.slice(i, i + 200));
    });
  }

  async update(bridgeId: string, idx: number, range: Pick<KeyRange, 'count' | 'checksum'>): Promise<void> {
    await this.db('diff_ranges').where({ bridge_id: bridgeId, idx }).update({ row_count: range.count, checksum: range.checksum });
  }

  async clear(bridgeId: string): Promise<void> {
    await this.db('diff_ranges').where({ bridge_id: bridgeId }).delete();
  }
}
