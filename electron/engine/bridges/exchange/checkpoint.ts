import type { Column, TableRef } from '../../../../shared/index.js';
import type { Connector, Writer } from '../../../../connectors/core/connector.js';
import { type Checkpoint, emptyCheckpoint, parseCheckpoint, serializeCheckpoint } from './checkpoint-state.js';
import { utcNow } from '../../clock.js';

/** Node columns every exchange table carries (DESIGN.md section 4), named with the configured prefix. */
export interface NodeColumns {
  readonly op: string;
  readonly seq: string;
  /** The sequence number at which the key (last) appeared: tells a consumer an insert from an update. */
  readonly firstSeq: string;
  readonly batch: string;
  readonly changedAt: string;
  readonly hash: string;
  /** The source database's own hash of the row (diff mode): an unchanged row is never fetched. */
  readonly sourceHash: string;
}

export function nodeColumns(prefix: string): NodeColumns {
  return { op: `${prefix}op`, seq: `${prefix}seq`, firstSeq: `${prefix}first_seq`, batch: `${prefix}batch`, changedAt: `${prefix}changed_at`, hash: `${prefix}hash`, sourceHash: `${prefix}src_hash` };
}

export function nodeColumnDefs(n: NodeColumns): Column[] {
  const col = (name: string, type: Column['type'], length?: number): Column => ({
    name, nativeType: type, type, nullable: false, primaryKey: false, ...(length ? { length } : {}),
  });
  return [
    col(n.op, 'string', 1), col(n.seq, 'bigint'), col(n.firstSeq, 'bigint'), col(n.batch, 'string', 40),
    col(n.changedAt, 'datetime'), col(n.hash, 'string', 40), { ...col(n.sourceHash, 'string', 40), nullable: true },
  ];
}

export type { Checkpoint, ReceiveCheckpoint, SendCheckpoint } from './checkpoint-state.js';

const STATE_COLUMNS: Column[] = [
  { name: 'state_key', nativeType: 'string', type: 'string', length: 64, nullable: false, primaryKey: true },
  { name: 'target_table', nativeType: 'string', type: 'string', length: 255, nullable: false, primaryKey: false },
  { name: 'run_id', nativeType: 'string', type: 'string', length: 64, nullable: true, primaryKey: false },
  { name: 'phase', nativeType: 'string', type: 'string', length: 32, nullable: false, primaryKey: false },
  { name: 'state_json', nativeType: 'text', type: 'text', nullable: false, primaryKey: false },
  { name: 'next_seq', nativeType: 'bigint', type: 'bigint', nullable: false, primaryKey: false },
  { name: 'updated_at', nativeType: 'datetime', type: 'datetime', nullable: false, primaryKey: false },
];

export class CheckpointTable {
  readonly table: TableRef;

  constructor(prefix: string, schema?: string) {
    this.table = schema ? { schema, name: `${prefix}state` } : { name: `${prefix}state` };
  }

  async ensure(connector: Connector): Promise<void> {
    if (!(await connector.tableExists(this.table))) await connector.createTable(this.table, STATE_COLUMNS, ['state_key']);
  }

  /** The checkpoint under `stateKey` (`send:…` or `receive:…`), typed; an empty one on the first run. */
  async read(reader: Pick<Writer, 'lookup'>, stateKey: string): Promise<Checkpoint> {
    const direction = stateKey.startsWith('receive:') ? 'receive' : 'send';
    const rows = await reader.lookup({ table: this.table, columns: STATE_COLUMNS, keyColumns: ['state_key'], keys: [[stateKey]] });
    const row = rows[0];
    if (!row) return emptyCheckpoint(direction);
    return parseCheckpoint(direction, { runId: (row.run_id as string | null) ?? null, phase: String(row.phase), nextSeq: Number(row.next_seq) }, String(row.state_json));
  }

  async write(writer: Writer, stateKey: string, targetTable: string, checkpoint: Checkpoint): Promise<void> {
    await writer.upsert(this.table, STATE_COLUMNS, ['state_key'], [[
      stateKey, targetTable, checkpoint.runId, checkpoint.phase, serializeCheckpoint(checkpoint), String(checkpoint.nextSeq), utcNow(),
    ]]);
  }
}
