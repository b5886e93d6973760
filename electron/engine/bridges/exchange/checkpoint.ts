import type { Column, ReceiverCounts, SenderCounts, TableRef } from '../../../../shared/index.js';
import type { Connector, Writer } from '../../../../connectors/core/connector.js';
import { ZERO_RECEIVER, ZERO_SENDER } from '../run/counts.js';
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

/** A bridge's checkpoint, kept in the receiving database and written in the same transaction as the rows. */
export interface Checkpoint {
  runId: string | null;
  phase: string;
  /** Key (or cursor + key) tuple of the last row covered, canonical values. */
  position: unknown[] | null;
  sender: SenderCounts;
  receiver: ReceiverCounts;
  /** Next value of the table's change sequence. */
  nextSeq: number;
  /** Mode-specific memory: the incremental watermark, bulk-load flag... */
  extra: Record<string, unknown>;
}

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

  async read(reader: Pick<Writer, 'lookup'>, stateKey: string): Promise<Checkpoint> {
    const rows = await reader.lookup({ table: this.table, columns: STATE_COLUMNS, keyColumns: ['state_key'], keys: [[stateKey]] });
    const row = rows[0];
    if (!row) {
      return { runId: null, phase: 'idle', position: null, sender: { ...ZERO_SENDER }, receiver: { ...ZERO_RECEIVER }, nextSeq: 1, extra: {} };
    }
    const state = JSON.parse(String(row.state_json)) as Omit<Checkpoint, 'runId' | 'phase' | 'nextSeq'>;
    return { ...state, runId: (row.run_id as string | null) ?? null, phase: String(row.phase), nextSeq: Number(row.next_seq) };
  }

  async write(writer: Writer, stateKey: string, targetTable: string, checkpoint: Checkpoint): Promise<void> {
    const { runId, phase, nextSeq, ...state } = checkpoint;
    await writer.upsert(this.table, STATE_COLUMNS, ['state_key'], [[
      stateKey, targetTable, runId, phase, JSON.stringify(state), String(nextSeq), utcNow(),
    ]]);
  }
}
