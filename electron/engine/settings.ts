import type { StateDb } from './store/db.js';

/** Node-wide settings with their defaults. */
export const DEFAULT_SETTINGS = {
  'exchange.columnPrefix': 'exn_',
  'exchange.softDeleteRetentionDays': '30',
  'runner.concurrency': '2',
} as const;
export type SettingKey = keyof typeof DEFAULT_SETTINGS;

export class Settings {
  constructor(private readonly db: StateDb) {}

  async get(key: SettingKey): Promise<string> {
    const row = await this.db('settings').where({ key }).first();
    return (row?.value as string | undefined) ?? DEFAULT_SETTINGS[key];
  }

  async set(key: SettingKey, value: string): Promise<void> {
    await this.db('settings').insert({ key, value }).onConflict('key').merge();
  }
}
