import { Readable } from 'node:stream';
import { seededRandom, pick, between } from '../electron/engine/demo/prng.js';
import { citizenId } from '../electron/engine/demo/citizen-id.js';
import { AREAS, GIVEN_FEMALE, GIVEN_MALE, SURNAMES } from '../electron/engine/demo/names.js';

/** The bench tables: `narrow` has 6 columns, `wide` adds ten more realistic ones. */
export type Shape = 'narrow' | 'wide';

export const NARROW_COLUMNS = ['id', 'name', 'citizen_id', 'amount', 'created_at', 'note'] as const;
export const WIDE_EXTRA = ['address', 'phone', 'sex', 'birth_date', 'org_code', 'status', 'score', 'updated_at', 'remark', 'version'] as const;

export function columnsOf(shape: Shape): string[] {
  return shape === 'narrow' ? [...NARROW_COLUMNS] : [...NARROW_COLUMNS, ...WIDE_EXTRA];
}

export function mysqlDdl(table: string, shape: Shape): string {
  const wide = shape === 'wide' ? `, address VARCHAR(200) NOT NULL, phone CHAR(11), sex CHAR(1) NOT NULL, birth_date DATE NOT NULL,
    org_code VARCHAR(18) NOT NULL, status SMALLINT NOT NULL, score DOUBLE, updated_at DATETIME(6) NOT NULL, remark TEXT, version INT NOT NULL` : '';
  return `CREATE TABLE ${table} (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(40) NOT NULL, citizen_id CHAR(18) NOT NULL,
    amount DECIMAL(14,2) NOT NULL, created_at DATETIME(6) NOT NULL, note TEXT${wide}) DEFAULT CHARSET=utf8mb4`;
}

export function postgresDdl(table: string, shape: Shape): string {
  const wide = shape === 'wide' ? `, address VARCHAR(200) NOT NULL, phone CHAR(11), sex CHAR(1) NOT NULL, birth_date DATE NOT NULL,
    org_code VARCHAR(18) NOT NULL, status SMALLINT NOT NULL, score DOUBLE PRECISION, updated_at TIMESTAMP(6) NOT NULL, remark TEXT, version INT NOT NULL` : '';
  return `CREATE TABLE ${table} (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(40) NOT NULL, citizen_id CHAR(18) NOT NULL,
    amount NUMERIC(14,2) NOT NULL, created_at TIMESTAMP(6) NOT NULL, note TEXT${wide})`;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Row `id` of the seeded data set, as text fields (NULL as `\N`), identical on every run. */
export function rowFields(id: number, shape: Shape, random: () => number): string[] {
  const male = random() < 0.5;
  const name = pick(random, SURNAMES) + pick(random, male ? GIVEN_MALE : GIVEN_FEMALE) + (random() < 0.6 ? pick(random, male ? GIVEN_MALE : GIVEN_FEMALE) : '');
  const area = pick(random, AREAS);
  const birth = `${between(random, 1950, 2010)}-${pad(between(random, 1, 12))}-${pad(between(random, 1, 28))}`;
  const created = `2024-${pad(between(random, 1, 12))}-${pad(between(random, 1, 28))} ${pad(between(random, 0, 23))}:${pad(between(random, 0, 59))}:${pad(between(random, 0, 59))}.${pad(between(random, 0, 999999), 6)}`;
  const fields = [
    String(id), name, citizenId(area.code, birth, id % 1000, male),
    `${between(random, 0, 99999999)}.${pad(between(random, 0, 99))}`, created,
    random() < 0.2 ? '\\N' : `备注：${area.name}第${id}号记录`,
  ];
  if (shape === 'wide') {
    fields.push(
      `${area.name}${between(random, 1, 300)}号院${between(random, 1, 30)}栋`,
      random() < 0.1 ? '\\N' : `1${between(random, 3, 9)}${pad(between(random, 0, 999999999), 9)}`,
      male ? '1' : '2', birth, `${area.code}${pad(between(random, 0, 999999999999), 12)}`,
      String(between(random, 0, 3)), random() < 0.1 ? '\\N' : String(Math.round(random() * 10000) / 100), created,
      random() < 0.5 ? '\\N' : '核验通过', String(between(random, 1, 5)),
    );
  }
  return fields;
}

/** A TSV stream of rows [from, to) for LOAD DATA / COPY text format (tabs and backslashes never occur in the data). */
export function tsvStream(from: number, to: number, shape: Shape, seed = 42): Readable {
  const random = seededRandom(seed + from);
  let id = from;
  return new Readable({
    read() {
      let chunk = '';
      for (let n = 0; n < 2000 && id < to; n++, id++) chunk += `${rowFields(id, shape, random).join('\t')}\n`;
      this.push(chunk.length > 0 ? chunk : null);
    },
  });
}
