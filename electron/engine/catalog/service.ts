import type { BridgeConfig, DriftChange } from '../../../shared/index.js';
import { ExNodeError, msg, tableLabel } from '../../../shared/index.js';
import type { CatalogEntry, CatalogView, ImportProblem } from '../../../shared/catalog.js';
import { catalogEntrySchema, cycleLimitMs } from '../../../shared/catalog.js';
import type { StateDb } from '../store/db.js';
import { nowIso } from '../clock.js';
import { parseEntryOrThrow } from './validate.js';
import { type CatalogPlan, crossCheck, planCatalog, writeCatalog } from './transfer.js';

interface CatalogRow {
  code: string;
  bridge_name: string;
  entry_json: string;
  items_checked_at: string;
  created_at: string;
  updated_at: string;
}

/**
 * The resource catalog (资源目录) in the state database: entries, their drift review flag, freshness
 * limits, and whole-catalog imports (checked, planned, written all or nothing).
 */
export class CatalogService {
  constructor(private readonly db: StateDb) {}

  async list(): Promise<CatalogView[]> {
    const rows = await this.db<CatalogRow>('catalog_entries').orderBy('code');
    return Promise.all(rows.map((r) => this.toView(r)));
  }

  async entries(): Promise<CatalogEntry[]> {
    const rows = await this.db<CatalogRow>('catalog_entries').orderBy('code');
    return rows.map((r) => parseStored(r));
  }

  async get(code: string): Promise<CatalogView> {
    return this.toView(await this.row(code));
  }

  async find(code: string): Promise<CatalogEntry | undefined> {
    const row = await this.db<CatalogRow>('catalog_entries').where({ code }).first();
    return row ? parseStored(row) : undefined;
  }

  /**
   * Adds or replaces an entry. `previousCode` renames an entry (a corrected resource code). Saving
   * marks the information items as checked: the review flag clears.
   */
  async save(input: unknown, options: { replace: boolean; previousCode?: string }): Promise<CatalogView> {
    const entry = parseEntryOrThrow(input);
    await this.checkBridge(entry.bridge);
    const key = options.previousCode ?? entry.code;
    const existing = await this.db<CatalogRow>('catalog_entries').where({ code: key }).first();
    if (existing && !options.replace && options.previousCode === undefined) throw new ExNodeError('ALREADY_EXISTS', msg('catalog.exists', { code: entry.code }));
    if (options.previousCode !== undefined && !existing) throw new ExNodeError('NOT_FOUND', msg('catalog.notFound', { code: options.previousCode }));
    if (entry.code !== key && (await this.db('catalog_entries').where({ code: entry.code }).first())) {
      throw new ExNodeError('ALREADY_EXISTS', msg('catalog.exists', { code: entry.code }));
    }
    const other = await this.db<CatalogRow>('catalog_entries').where({ bridge_name: entry.bridge }).whereNot({ code: key }).first();
    if (other) throw new ExNodeError('CONFLICT', msg('catalog.bridgeTaken', { bridge: entry.bridge, code: other.code }));
    const now = nowIso();
    const row = { code: entry.code, bridge_name: entry.bridge, entry_json: JSON.stringify(entry), items_checked_at: now, updated_at: now };
    if (existing) await this.db('catalog_entries').where({ code: key }).update(row);
    else await this.db('catalog_entries').insert({ ...row, created_at: now });
    return this.get(entry.code);
  }

  async delete(code: string): Promise<void> {
    await this.row(code);
    await this.db('catalog_entries').where({ code }).delete();
  }

  /** Milliseconds the bridge's data may age (its entry's update cycle), or null when it has none. */
  async freshnessLimitFor(bridgeName: string): Promise<number | null> {
    const row = await this.db<CatalogRow>('catalog_entries').where({ bridge_name: bridgeName }).first();
    return row ? cycleLimitMs(parseStored(row).updateCycle) : null;
  }

  /** Problems an import has beyond each entry's own fields: duplicates, bridges missing or taken. */
  crossCheck(entries: readonly CatalogEntry[]): Promise<ImportProblem[]> {
    return crossCheck(this.db, entries);
  }

  /** Which entries an import would add, change or leave as they are. */
  plan(entries: readonly CatalogEntry[]): Promise<CatalogPlan> {
    return planCatalog(this.db, entries);
  }

  /** Writes `entries` and deletes the `remove` codes in one transaction; unchanged entries keep their review state. */
  write(entries: readonly CatalogEntry[], remove: readonly string[] = []): Promise<void> {
    return writeCatalog(this.db, entries, remove);
  }

  private async checkBridge(name: string): Promise<void> {
    const bridge = await this.db('bridges').where({ name }).first();
    if (!bridge) throw new ExNodeError('NOT_FOUND', msg('catalog.noBridge', { bridge: name }));
  }

  /** Drift of the bridge's source table recorded after the items were last checked. */
  private async driftSince(bridgeName: string, since: string): Promise<DriftChange[]> {
    const bridge = await this.db('bridges').where({ name: bridgeName }).first() as { config_json: string } | undefined;
    if (!bridge) return [];
    const config = JSON.parse(bridge.config_json) as BridgeConfig;
    if (config.source.table === undefined) return [];
    const connection = await this.db('connections').where({ name: config.source.connection }).first() as { id: string } | undefined;
    if (!connection) return [];
    const label = tableLabel(config.source.schema ? { schema: config.source.schema, name: config.source.table } : { name: config.source.table });
    const rows = await this.db('schema_drift').where({ connection_id: connection.id }).where('taken_at', '>', since).orderBy('id') as { changes_json: string }[];
    return rows.flatMap((r) => (JSON.parse(r.changes_json) as DriftChange[]))
      .filter((c) => c.table === label || c.table === config.source.table || c.table.endsWith(`.${config.source.table}`));
  }

  private async toView(row: CatalogRow): Promise<CatalogView> {
    const changes = await this.driftSince(row.bridge_name, row.items_checked_at);
    return {
      entry: parseStored(row),
      needsReview: changes.length > 0,
      driftChanges: changes.map((c) => `${c.kind} ${c.table}${c.column ? `.${c.column}` : ''}${c.detail ? ` (${c.detail})` : ''}`),
      updatedAt: row.updated_at,
    };
  }

  private async row(code: string): Promise<CatalogRow> {
    const row = await this.db<CatalogRow>('catalog_entries').where({ code }).first();
    if (!row) throw new ExNodeError('NOT_FOUND', msg('catalog.notFound', { code }));
    return row;
  }
}

function parseStored(row: CatalogRow): CatalogEntry {
  return catalogEntrySchema.parse(JSON.parse(row.entry_json));
}
