import type { NodeSettings } from '../../shared/index.js';
import type { StateDb } from './store/db.js';

export const DEFAULT_SETTINGS: NodeSettings = Object.freeze({
  columnPrefix: 'exn_',
  softDeleteRetentionDays: 30,
  runnerConcurrency: 2,
  alertRetentionDays: 365,
});

/** Node-wide settings, stored as JSON values with their defaults. */
export class Settings {
  constructor(private readonly db: StateDb) {}

  async all(): Promise<NodeSettings> {
    const rows = (await this.db('settings').select('key', 'value')) as { key: string; value: string }[];
    const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
    return { ...DEFAULT_SETTINGS, ...pick(stored) };
  }

  async get<K extends keyof NodeSettings>(key: K): Promise<NodeSettings[K]> {
    return (await this.all())[key];
  }

  async update(patch: Partial<NodeSettings>): Promise<NodeSettings> {
    await this.db.transaction(async (trx) => {
      for (const [key, value] of Object.entries(patch)) {
        if (value !== undefined) await trx('settings').insert({ key, value: JSON.stringify(value) }).onConflict('key').merge();
      }
    });
    return this.all();
  }
}

function pick(stored: Record<string, unknown>): Partial<NodeSettings> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(DEFAULT_SETTINGS)) if (key in stored) out[key] = stored[key];
  return out as Partial<NodeSettings>;
}
