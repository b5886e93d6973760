import zlib from 'node:zlib';
import type { DriftEvent, SnapshotResult, TableSchema } from '../../../shared/index.js';
import type { StateDb } from '../store/db.js';
import type { ConnectionService } from '../connections/service.js';
import type { EventBus } from '../events.js';
import { nowIso } from '../clock.js';
import { diffSchemas } from './diff.js';

/** Schema collection per connection (R1): snapshots, and the drift between consecutive ones. */
export class SchemaService {
  constructor(
    private readonly db: StateDb,
    private readonly connections: ConnectionService,
    private readonly events: EventBus,
  ) {}

  async snapshot(name: string): Promise<SnapshotResult> {
    const connection = await this.connections.get(name);
    const connector = await this.connections.open(name);
    let tables: TableSchema[];
    try {
      tables = [];
      for (const t of await connector.listTables()) tables.push(await connector.describeTable(t));
    } finally {
      await connector.close().catch(() => undefined);
    }
    const previous = await this.db('schema_snapshots').where({ connection_id: connection.id }).orderBy('id', 'desc').first();
    const takenAt = nowIso();
    const changes = previous ? diffSchemas(unpack(previous.snapshot_json), tables) : [];
    await this.db('schema_snapshots').insert({ connection_id: connection.id, taken_at: takenAt, table_count: tables.length, snapshot_json: pack(tables) });
    if (changes.length > 0) {
      const [id] = await this.db('schema_drift').insert({ connection_id: connection.id, taken_at: takenAt, changes_json: JSON.stringify(changes) });
      this.events.emit('schema.drift', { id: Number(id), connection: name, takenAt, changes });
    }
    return { connection: name, takenAt, tables: tables.length, changes, first: !previous };
  }

  async drift(name: string, limit: number): Promise<DriftEvent[]> {
    const connection = await this.connections.get(name);
    const rows = await this.db('schema_drift').where({ connection_id: connection.id }).orderBy('id', 'desc').limit(limit);
    return rows.map((r: { id: number; taken_at: string; changes_json: string }) => ({ id: r.id, connection: name, takenAt: r.taken_at, changes: JSON.parse(r.changes_json) }));
  }
}

/** Snapshots of large schemas are stored compressed. */
function pack(tables: TableSchema[]): string {
  return zlib.gzipSync(JSON.stringify(tables)).toString('base64');
}

function unpack(text: string): TableSchema[] {
  return JSON.parse(zlib.gunzipSync(Buffer.from(text, 'base64')).toString('utf8')) as TableSchema[];
}
