/**
 * Steady-state scenarios: a table already in the exchange database is run again with 1% changed
 * (or unchanged), next to its first load in the same process. Both tables hold the same rows and
 * columns, `a INT` and `b DATE` made from `id` (ten dates per `a`) ahead of the bench's source
 * columns; the single table is keyed on the BIGINT `id`, the composite one on `(a, b)`. So a
 * composite re-run against a single one measures what the key costs, not what two more columns do.
 */
import { TABLES } from './tables.js';
import { mysqlConnection, pgClient } from './native.js';

export type KeyKind = 'single' | 'composite';
export type Pair = 'mysql-postgres' | 'mysql-sqlite' | 'postgres-mysql';

export interface RerunSpec {
  readonly key: KeyKind;
  readonly mode: 'full' | 'diff';
  readonly pair: Pair;
  /** Share of rows changed before the re-run: a third each updated, deleted, inserted. */
  readonly changed: 'one-percent' | 'unchanged';
}

/** `rerun:<single|composite>:<full|diff>:<pair>[:unchanged]` */
export function parseRerun(name: string): RerunSpec | null {
  const m = /^rerun:(single|composite):(full|diff):(mysql-postgres|mysql-sqlite|postgres-mysql)(:unchanged)?$/.exec(name);
  if (!m) return null;
  return { key: m[1] as KeyKind, mode: m[2] as 'full' | 'diff', pair: m[3] as Pair, changed: m[4] ? 'unchanged' : 'one-percent' };
}

export const RERUN_TABLE = 'exb_rerun_source';
const STEP = 300;

/** Builds the source table of `spec` from the bench's loaded source (`rows` rows, ids 1..rows). */
export async function prepareRerunSource(spec: RerunSpec): Promise<void> {
  const composite = spec.key === 'composite';
  if (spec.pair === 'postgres-mysql') {
    const client = await pgClient();
    try {
      await client.query(`DROP TABLE IF EXISTS ${RERUN_TABLE}`);
      await client.query(`CREATE TABLE ${RERUN_TABLE} AS SELECT (id / 10)::int AS a, DATE '2000-01-01' + (id % 10)::int AS b, * FROM ${TABLES.postgresSource}`);
      await client.query(`ALTER TABLE ${RERUN_TABLE} ADD PRIMARY KEY (${composite ? 'a, b' : 'id'})`);
      await client.query(`ANALYZE ${RERUN_TABLE}`);
    } finally {
      await client.end();
    }
    return;
  }
  const conn = await mysqlConnection();
  try {
    await conn.query(`DROP TABLE IF EXISTS ${RERUN_TABLE}`);
    await conn.query(`CREATE TABLE ${RERUN_TABLE} (a INT NOT NULL, b DATE NOT NULL, id BIGINT NOT NULL, name VARCHAR(40) NOT NULL,
      citizen_id CHAR(18) NOT NULL, amount DECIMAL(14,2) NOT NULL, created_at DATETIME(6) NOT NULL, note TEXT, PRIMARY KEY (${composite ? 'a, b' : 'id'})) DEFAULT CHARSET=utf8mb4`);
    await conn.query(`INSERT INTO ${RERUN_TABLE} SELECT id DIV 10, DATE_ADD('2000-01-01', INTERVAL id MOD 10 DAY), id, name, citizen_id, amount, created_at, note FROM ${TABLES.mysqlSource}`);
    await conn.query(`ANALYZE TABLE ${RERUN_TABLE}`);
  } finally {
    await conn.end();
  }
}

/** Changes 1% of the source: ids ≡ 7 updated, ≡ 11 deleted, ≡ 13 copied under new keys (mod 300). Returns the number of changes. */
export async function changeRerunSource(spec: RerunSpec, rows: number): Promise<number> {
  if (spec.changed === 'unchanged') return 0;
  const shift = `a + ${Math.ceil(rows / 10) + 1}, b, id + ${rows}`;
  const rest = 'name, citizen_id, amount, created_at, note';
  const statements = [
    `UPDATE ${RERUN_TABLE} SET amount = amount + 1 WHERE id % ${STEP} = 7`,
    `DELETE FROM ${RERUN_TABLE} WHERE id % ${STEP} = 11`,
    `INSERT INTO ${RERUN_TABLE} (a, b, id, ${rest}) SELECT ${shift}, ${rest} FROM ${RERUN_TABLE} WHERE id % ${STEP} = 13`,
  ];
  let changes = 0;
  if (spec.pair === 'postgres-mysql') {
    const client = await pgClient();
    try {
      for (const sql of statements) changes += (await client.query(sql)).rowCount ?? 0;
    } finally {
      await client.end();
    }
  } else {
    const conn = await mysqlConnection();
    try {
      for (const sql of statements) changes += ((await conn.query(sql))[0] as { affectedRows: number }).affectedRows;
    } finally {
      await conn.end();
    }
  }
  return changes;
}
