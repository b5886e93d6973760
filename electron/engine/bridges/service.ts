import type { BridgeConfig, BridgeView } from '../../../shared/index.js';
import { bridgeConfigSchema, ExNodeError, msg, parseOrThrow, targetTableName } from '../../../shared/index.js';
import type { StateDb } from '../store/db.js';
import type { ConnectionService } from '../connections/service.js';
import { nowIso } from '../clock.js';
import { newId } from '../ids.js';
import { deviationOf } from './run/counts.js';

interface BridgeRow {
  id: string;
  name: string;
  config_json: string;
  enabled: number | boolean;
  created_at: string;
  updated_at: string;
}

export interface StoredBridge {
  readonly id: string;
  readonly config: BridgeConfig;
}

export class BridgeService {
  constructor(
    private readonly db: StateDb,
    private readonly connections: ConnectionService,
  ) {}

  async list(): Promise<BridgeView[]> {
    const rows = await this.db<BridgeRow>('bridges').orderBy('name');
    return Promise.all(rows.map((r) => this.toView(r)));
  }

  async get(name: string): Promise<BridgeView> {
    return this.toView(await this.row(name));
  }

  async load(name: string): Promise<StoredBridge> {
    const row = await this.row(name);
    return { id: row.id, config: parseOrThrow(bridgeConfigSchema, JSON.parse(row.config_json), msg('bridges.storedInvalid', { name })) };
  }

  async loadById(id: string): Promise<StoredBridge> {
    const row = await this.db<BridgeRow>('bridges').where({ id }).first();
    if (!row) throw new ExNodeError('NOT_FOUND', msg('bridges.idGone', { id }));
    return { id: row.id, config: parseOrThrow(bridgeConfigSchema, JSON.parse(row.config_json), msg('bridges.storedInvalid', { name: row.name })) };
  }

  /** Bridges by id in one query (a scheduler tick); ids no longer there are left out. */
  async loadByIds(ids: readonly string[]): Promise<Map<string, StoredBridge>> {
    const out = new Map<string, StoredBridge>();
    for (let i = 0; i < ids.length; i += 500) {
      for (const row of await this.db<BridgeRow>('bridges').whereIn('id', ids.slice(i, i + 500))) {
        out.set(row.id, { id: row.id, config: parseOrThrow(bridgeConfigSchema, JSON.parse(row.config_json), msg('bridges.storedInvalid', { name: row.name })) });
      }
    }
    return out;
  }

  async save(config: BridgeConfig, replace: boolean): Promise<BridgeView> {
    await this.connections.get(config.source.connection);
    if (config.target.connection) await this.connections.get(config.target.connection);
    if (config.mode === 'incremental' && !config.cursor) {
      throw new ExNodeError('INVALID_INPUT', msg('bridges.cursorNeeded'));
    }
    const existing = await this.db<BridgeRow>('bridges').where({ name: config.name }).first();
    if (existing && !replace) throw new ExNodeError('ALREADY_EXISTS', msg('bridges.exists', { name: config.name }));
    const target = await this.targetOf(config);
    const exchange = (await this.connections.exchange()).name;
    const clash = (await this.db<BridgeRow>('bridges').whereNot({ name: config.name })).find((r) => {
      const other = JSON.parse(r.config_json) as BridgeConfig;
      return other.direction === config.direction && (other.target.connection ?? exchange) === target.connection
        && targetTableName(other) === target.table;
    });
    if (clash) throw new ExNodeError('CONFLICT', msg('bridges.targetTaken', { other: clash.name, connection: target.connection, table: target.table }));
    const now = nowIso();
    const row = { name: config.name, config_json: JSON.stringify(config), enabled: config.enabled, updated_at: now };
    if (existing) await this.db('bridges').where({ id: existing.id }).update(row);
    else await this.db('bridges').insert({ ...row, id: newId('br'), created_at: now });
    return this.get(config.name);
  }

  async delete(name: string): Promise<void> {
    const row = await this.row(name);
    await this.db('bridges').where({ id: row.id }).delete();
  }

  async usingConnection(name: string): Promise<string[]> {
    const rows = await this.db<BridgeRow>('bridges');
    return rows
      .filter((r) => {
        const c = JSON.parse(r.config_json) as BridgeConfig;
        return c.source.connection === name || c.target.connection === name;
      })
      .map((r) => r.name);
  }

  /** The receiving connection and table: the exchange database unless the bridge names another. */
  async targetOf(config: BridgeConfig): Promise<{ connection: string; table: string }> {
    const connection = config.target.connection ?? (await this.connections.exchange()).name;
    return { connection, table: targetTableName(config) };
  }

  private async toView(row: BridgeRow): Promise<BridgeView> {
    const config = bridgeConfigSchema.parse(JSON.parse(row.config_json));
    const target = await this.targetOf(config).catch(() => ({ connection: config.target.connection ?? '?', table: targetTableName(config) }));
    const last = await this.db('runs').where({ bridge_id: row.id }).orderBy('started_at', 'desc').first();
    return {
      id: row.id,
      name: row.name,
      config,
      sourceConnection: config.source.connection,
      targetConnection: target.connection,
      targetTable: target.table,
      enabled: Boolean(row.enabled),
      lastRun: last
        ? { id: last.id, status: last.status, startedAt: last.started_at, deviation: deviationOf(JSON.parse(last.sender_json), JSON.parse(last.receiver_json)).total }
        : null,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  private async row(name: string): Promise<BridgeRow> {
    const row = await this.db<BridgeRow>('bridges').where({ name }).first();
    if (!row) throw new ExNodeError('NOT_FOUND', msg('bridges.notFound', { name }));
    return row;
  }
}
