import type { Column, ConnectionConfigInput, Row, RunRecord, TableRef } from '../../../shared/index.js';
import { connectionConfigSchema } from '../../../shared/index.js';
import type { Connector } from '../../../connectors/core/connector.js';
import { openConnector } from '../../../connectors/core/registry.js';
import { Engine } from '../../../electron/engine/engine.js';
import { TEST_ACTOR } from '../../support/actors.js';
import { tempDir } from '../../support/temp.js';
import { allowTempSqliteFiles } from '../../support/sqlite-dirs.js';

/** The business table every bridge test syncs: a key, text with Chinese, an exact decimal, a time, a nullable text. */
export const PEOPLE: Column[] = [
  { name: 'id', nativeType: 'integer', type: 'integer', nullable: false, primaryKey: true },
  { name: 'name', nativeType: 'string', type: 'string', length: 50, nullable: false, primaryKey: false },
  { name: 'city', nativeType: 'string', type: 'string', length: 50, nullable: false, primaryKey: false },
  { name: 'amount', nativeType: 'decimal', type: 'decimal', precision: 14, scale: 2, nullable: false, primaryKey: false },
  { name: 'updated_at', nativeType: 'datetime', type: 'datetime', nullable: false, primaryKey: false },
  { name: 'note', nativeType: 'text', type: 'text', nullable: true, primaryKey: false },
];

const CITIES = ['济南', '青岛', '肥城', '广州', '成都'];

export function personRow(id: number, version = 0): unknown[] {
  const cents = (id * 7919 + version * 13) % 1_000_000;
  return [
    id,
    `居民${id}号${version ? `v${version}` : ''}`,
    CITIES[id % CITIES.length],
    `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`,
    // A later version has a later time, as an application's update-time column would.
    `${2024 + version}-0${1 + (id % 9)}-1${id % 10} 0${id % 10}:1${id % 10}:00.${String(100000 + (id % 100000)).slice(1)}`,
    id % 5 === 0 ? null : `备注 😀 ${id}`,
  ];
}

export interface Harness {
  readonly engine: Engine;
  call<T = unknown>(op: string, input: unknown): Promise<T>;
  connector(name: string): Promise<Connector>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const tmp = tempDir('exnode-bridge-');
  const engine = await Engine.open({ dataDir: tmp.dir });
  await allowTempSqliteFiles(engine);
  const opened: Connector[] = [];
  return {
    engine,
    call: <T>(op: string, input: unknown) => engine.call(op, input, TEST_ACTOR) as Promise<T>,
    connector: async (name) => {
      const c = await engine.connections.open(name);
      opened.push(c);
      return c;
    },
    close: async () => {
      await Promise.allSettled(opened.map((c) => c.close()));
      await engine.close();
      tmp.remove();
    },
  };
}

export async function openDirect(config: ConnectionConfigInput): Promise<Connector> {
  return openConnector(connectionConfigSchema.parse(config), { password: undefined });
}

export async function createPeople(c: Connector, table: TableRef, count: number, from = 1): Promise<void> {
  await c.dropTable(table);
  await c.createTable(table, PEOPLE, ['id']);
  await insertPeople(c, table, from, count);
}

export async function insertPeople(c: Connector, table: TableRef, from: number, count: number, version = 0): Promise<void> {
  const rows: unknown[][] = [];
  for (let id = from; id < from + count; id++) rows.push(personRow(id, version));
  for (let i = 0; i < rows.length; i += 2000) await c.transaction((w) => w.insert(table, PEOPLE, rows.slice(i, i + 2000)).then(() => undefined));
}

export async function updatePeople(c: Connector, table: TableRef, ids: number[], version: number): Promise<void> {
  await c.transaction((w) => w.upsert(table, PEOPLE, ['id'], ids.map((id) => personRow(id, version))).then(() => undefined));
}

export async function deletePeople(c: Connector, table: TableRef, ids: number[]): Promise<void> {
  await c.transaction((w) => w.deleteKeys(table, ['id'], ids.map((id) => [id])).then(() => undefined));
}

/** Every row of a table in key order, read through the connector (canonical values). */
export async function readAll(c: Connector, table: TableRef, columns: Column[], filter?: { column: string; op: '!='; value: string }[]): Promise<Row[]> {
  const out: Row[] = [];
  for await (const batch of c.readBatches({ table, columns, keyColumns: ['id'], batchSize: 5000, ...(filter ? { filter } : {}) })) out.push(...batch);
  return out;
}

/** Business values only, comparable across dialects. */
export function business(rows: Row[]): unknown[][] {
  return rows.map((r) => PEOPLE.map((c) => {
    const v = r[c.name];
    return c.type === 'integer' ? Number(v) : v;
  }));
}

export function expectCounts(run: RunRecord): { sender: RunRecord['sender']; receiver: RunRecord['receiver'] } {
  return { sender: run.sender, receiver: run.receiver };
}
