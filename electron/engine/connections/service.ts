import path from 'node:path';
import type { ConnectionConfig, ConnectionView, MessageParams, TestResult } from '../../../shared/index.js';
import { readStoredMessage, storeMessage } from '../store/stored-message.js';
import { connectionConfigSchema, ExNodeError, msg, parseOrThrow } from '../../../shared/index.js';
import type { Connector } from '../../../connectors/core/connector.js';
import { openConnector } from '../../../connectors/core/registry.js';
import type { StateDb } from '../store/db.js';
import type { Vault } from '../secrets/vault.js';
import { nowIso } from '../clock.js';
import { newId } from '../ids.js';
import { summarize, withoutSecret } from './summary.js';
import { checkConnectionSafety, PASSWORD_ENV, sameSecretBinding } from './safety.js';

interface ConnectionRow {
  id: string;
  name: string;
  dialect: string;
  config_json: string;
  password_enc: string | null;
  is_exchange: number | boolean;
  health: string;
  last_tested_at: string | null;
  last_error: string | null;
  last_used_at?: string | null;
  last_use_failed_at?: string | null;
  last_use_error_json?: string | null;
  created_at: string;
  updated_at: string;
}

export const DEFAULT_EXCHANGE_NAME = 'exchange';

export class ConnectionService {
  constructor(
    private readonly db: StateDb,
    private readonly vault: Vault,
    private readonly dataDir: string,
  ) {}

  /** Makes sure an exchange database is configured: by default an embedded SQLite file in the data dir. */
  async ensureExchange(): Promise<void> {
    const existing = await this.db<ConnectionRow>('connections').where({ is_exchange: true }).first();
    if (existing) return;
    const config = parseOrThrow(connectionConfigSchema, {
      name: DEFAULT_EXCHANGE_NAME,
      dialect: 'sqlite',
      filename: path.join(this.dataDir, 'exchange.sqlite'),
      description: 'Embedded exchange database (前置交换库)',
    });
    await this.save(config, { replace: true, exchange: true });
  }

  async list(): Promise<ConnectionView[]> {
    const rows = await this.db<ConnectionRow>('connections').orderBy([{ column: 'is_exchange', order: 'desc' }, 'name']);
    return rows.map(toView);
  }

  async get(name: string): Promise<ConnectionView> {
    return toView(await this.row(name));
  }

  async exchange(): Promise<ConnectionView> {
    const row = await this.db<ConnectionRow>('connections').where({ is_exchange: true }).first();
    if (!row) throw new ExNodeError('NOT_FOUND', msg('connections.noExchange'));
    return toView(row);
  }

  async save(config: ConnectionConfig, options: { replace: boolean; exchange?: boolean }): Promise<ConnectionView> {
    checkConnectionSafety(config, this.dataDir, options.exchange ?? false);
    const existing = await this.db<ConnectionRow>('connections').where({ name: config.name }).first();
    if (existing && !options.replace) {
      throw new ExNodeError('ALREADY_EXISTS', msg('connections.exists', { name: config.name }));
    }
    const now = nowIso();
    const password = (config as { password?: string }).password;
    // A stored password stays with the host, port and user it was saved for: a changed address needs it typed again.
    let passwordEnc = existing && sameSecretBinding(JSON.parse(existing.config_json) as ConnectionConfig, config) ? existing.password_enc : null;
    if (password !== undefined) passwordEnc = password === '' ? null : this.vault.encrypt(password);
    const row = {
      name: config.name,
      dialect: config.dialect,
      config_json: JSON.stringify(withoutSecret(config)),
      password_enc: passwordEnc,
      updated_at: now,
      health: 'unknown',
      last_error: null,
    };
    await this.db.transaction(async (trx) => {
      if (options.exchange && config.name !== DEFAULT_EXCHANGE_NAME) await this.retireEmbeddedExchange(trx);
      if (options.exchange) await trx('connections').update({ is_exchange: false });
      if (existing) {
        await trx('connections').where({ id: existing.id }).update({ ...row, ...(options.exchange ? { is_exchange: true } : {}) });
      } else {
        await trx('connections').insert({ ...row, id: newId('conn'), created_at: now, is_exchange: options.exchange ?? false });
      }
    });
    return this.get(config.name);
  }

  /**
   * When the node moves to another exchange database, the embedded one it made at first start stops
   * being a connection (its file stays on disk): as anything but the exchange, the node's own file is
   * never reachable (connections/safety.ts). Kept when a bridge names it.
   */
  private async retireEmbeddedExchange(trx: StateDb): Promise<void> {
    const embedded = await trx<ConnectionRow>('connections').where({ name: DEFAULT_EXCHANGE_NAME, dialect: 'sqlite' }).first();
    if (!embedded) return;
    const filename = (JSON.parse(embedded.config_json) as { filename?: string }).filename;
    if (filename !== path.join(this.dataDir, 'exchange.sqlite')) return;
    const named = (await trx('bridges').select('config_json') as { config_json: string }[])
      .some((b) => {
        const c = JSON.parse(b.config_json) as { source?: { connection?: string }; target?: { connection?: string } };
        return c.source?.connection === DEFAULT_EXCHANGE_NAME || c.target?.connection === DEFAULT_EXCHANGE_NAME;
      });
    if (!named) await trx('connections').where({ id: embedded.id }).delete();
  }

  async delete(name: string, usedBy: string[]): Promise<void> {
    const row = await this.row(name);
    if (row.is_exchange) throw new ExNodeError('CONFLICT', msg('connections.isExchange', { name }));
    if (usedBy.length > 0) throw new ExNodeError('CONFLICT', msg('connections.inUse', { name, bridges: usedBy.join(', ') }));
    await this.db('connections').where({ id: row.id }).delete();
  }

  /** The full config including the decrypted password, for opening a connector; never sent out. */
  async resolve(name: string): Promise<{ config: ConnectionConfig; password: string | undefined }> {
    const row = await this.row(name);
    const config = parseOrThrow(connectionConfigSchema, JSON.parse(row.config_json), `stored connection "${name}"`);
    checkConnectionSafety(config, this.dataDir, Boolean(row.is_exchange));
    return { config, password: this.passwordFor(config, row.password_enc) };
  }

  async open(name: string): Promise<Connector> {
    const { config, password } = await this.resolve(name);
    return openConnector(config, { password });
  }

  async test(name: string): Promise<TestResult> {
    const connector = await this.open(name);
    let result: TestResult;
    try {
      result = await connector.test();
    } finally {
      await connector.close().catch(() => undefined);
    }
    await this.db('connections').where({ name }).update({
      health: result.ok ? 'ok' : 'failed',
      last_tested_at: nowIso(),
      last_error: result.ok ? null : result.key ? storeMessage({ key: result.key, ...(result.params ? { params: result.params as MessageParams } : {}) }) : result.message ?? null,
    });
    return result;
  }

  /**
   * What a run's use of these connections says about them: a success is their last successful use (and
   * shows they answer); a failure is noted beside it, never in its place. Cancelled runs say nothing.
   */
  async recordUse(names: readonly string[], error: ExNodeError | null): Promise<void> {
    if (names.length === 0 || error?.code === 'CANCELLED') return;
    const now = nowIso();
    const rows = this.db('connections').whereIn('name', [...new Set(names)]);
    if (!error) {
      await rows.update({ last_used_at: now, health: 'ok', last_error: null });
      return;
    }
    const { code, message, key, params } = error.toEnvelope().error;
    await rows.update({ last_use_failed_at: now, last_use_error_json: JSON.stringify({ code, message, ...(key ? { key } : {}), ...(params ? { params } : {}) }) });
  }

  async testUnsaved(config: ConnectionConfig): Promise<TestResult> {
    checkConnectionSafety(config, this.dataDir, false);
    const existing = await this.db<ConnectionRow>('connections').where({ name: config.name }).first();
    const typed = 'password' in config && Boolean(config.password);
    const bound = existing && sameSecretBinding(JSON.parse(existing.config_json) as ConnectionConfig, config);
    if (existing?.password_enc && !typed && !bound && !('passwordEnv' in config && config.passwordEnv)) {
      throw new ExNodeError('INVALID_INPUT', msg('connections.retypePassword', { name: config.name }));
    }
    const connector = await openConnector(config, { password: this.passwordFor(config, bound ? existing.password_enc : null) });
    try {
      return await connector.test();
    } finally {
      await connector.close().catch(() => undefined);
    }
  }

  private passwordFor(config: ConnectionConfig, sealed: string | null): string | undefined {
    if ('password' in config && config.password) return config.password;
    if ('passwordEnv' in config && config.passwordEnv) {
      if (!PASSWORD_ENV.test(config.passwordEnv)) throw new ExNodeError('INVALID_INPUT', msg('connections.passwordEnvPrefix'));
      const value = process.env[config.passwordEnv];
      if (value === undefined) {
        throw new ExNodeError('INVALID_INPUT', msg('connections.passwordEnvUnset', { name: config.name, variable: config.passwordEnv }));
      }
      return value;
    }
    return sealed ? this.vault.decrypt(sealed) : undefined;
  }

  private async row(name: string): Promise<ConnectionRow> {
    const row = await this.db<ConnectionRow>('connections').where({ name }).first();
    if (!row) throw new ExNodeError('NOT_FOUND', msg('connections.notFound', { name }));
    return row;
  }
}

function toView(row: ConnectionRow): ConnectionView {
  const config = JSON.parse(row.config_json) as ConnectionConfig;
  const view: ConnectionView = {
    id: row.id,
    name: row.name,
    dialect: config.dialect,
    summary: summarize(config),
    hasPassword: row.password_enc !== null,
    isExchange: Boolean(row.is_exchange),
    config,
    health: row.health as ConnectionView['health'],
    lastTestedAt: row.last_tested_at,
    ...testErrorOf(row.last_error),
    lastUsedAt: row.last_used_at ?? null,
    lastUseFailedAt: row.last_use_failed_at ?? null,
    lastUseError: row.last_use_error_json ? JSON.parse(row.last_use_error_json) as ConnectionView['lastUseError'] : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  if (config.description) view.description = config.description;
  if ('passwordEnv' in config && config.passwordEnv) view.passwordEnv = config.passwordEnv;
  return view;
}

function testErrorOf(stored: string | null): Pick<ConnectionView, 'lastError' | 'lastErrorMessage'> {
  if (stored === null) return { lastError: null, lastErrorMessage: null };
  const { text, message } = readStoredMessage(stored);
  return { lastError: text, lastErrorMessage: message };
}
