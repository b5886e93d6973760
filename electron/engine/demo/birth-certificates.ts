import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { between, pick, seededRandom } from './prng.js';
import { citizenId } from './citizen-id.js';
import { AREAS, GIVEN_FEMALE, GIVEN_MALE, SURNAMES } from './names.js';

export const DEMO_TABLE = 'birth_certificate';

const HEALTH = ['良好', '良好', '良好', '良好', '一般', '差'] as const;

export interface BirthCertificate {
  cert_no: string;
  newborn_name: string;
  sex: '男' | '女';
  sex_code: '1' | '2';
  health_status: string;
  birth_weight_g: number;
  birth_time: string;
  birth_place: string;
  mother_name: string;
  mother_id_no: string;
  father_name: string;
  father_id_no: string;
  issue_time: string;
  issuing_institution: string;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function personName(random: () => number, surname: string, male: boolean): string {
  const given = male ? GIVEN_MALE : GIVEN_FEMALE;
  return surname + pick(random, given) + (random() < 0.7 ? pick(random, given) : '');
}

/** The `index`-th demo certificate (出生医学证明); deterministic for a given seed. */
export function* birthCertificates(count: number, seed = 20240101): Generator<BirthCertificate> {
  const random = seededRandom(seed);
  for (let i = 0; i < count; i++) {
    const area = pick(random, AREAS);
    const male = random() < 0.51;
    const fatherSurname = pick(random, SURNAMES);
    const motherSurname = pick(random, SURNAMES);
    const year = between(random, 2016, 2024);
    const month = between(random, 1, 12);
    const day = between(random, 1, 28);
    const birth = `${year}-${pad(month)}-${pad(day)} ${pad(between(random, 0, 23))}:${pad(between(random, 0, 59))}:${pad(between(random, 0, 59))}`;
    const issueDay = Math.min(28, day + between(random, 1, 20) % 28);
    const issueMonth = issueDay < day ? (month % 12) + 1 : month;
    const issueYear = issueDay < day && month === 12 ? year + 1 : year;
    const motherBirth = `${year - between(random, 22, 40)}-${pad(between(random, 1, 12))}-${pad(between(random, 1, 28))}`;
    const fatherBirth = `${year - between(random, 23, 45)}-${pad(between(random, 1, 12))}-${pad(between(random, 1, 28))}`;
    yield {
      cert_no: `${String.fromCharCode(65 + (Math.floor(i / 1_000_000) % 26))}${pad(370000000 + i, 9)}`,
      newborn_name: personName(random, fatherSurname, male),
      sex: male ? '男' : '女',
      sex_code: male ? '1' : '2',
      health_status: pick(random, HEALTH),
      birth_weight_g: between(random, 2300, 4500),
      birth_time: birth,
      birth_place: area.name,
      mother_name: personName(random, motherSurname, false),
      mother_id_no: citizenId(area.code, motherBirth, between(random, 0, 999), false),
      father_name: personName(random, fatherSurname, true),
      father_id_no: citizenId(pick(random, AREAS).code, fatherBirth, between(random, 0, 999), true),
      issue_time: `${issueYear}-${pad(issueMonth)}-${pad(issueDay)} ${pad(between(random, 8, 17))}:${pad(between(random, 0, 59))}:${pad(between(random, 0, 59))}.${pad(between(random, 0, 999), 3)}`,
      issuing_institution: pick(random, area.hospitals),
    };
  }
}

/** Writes a fresh demo business database (SQLite) with `count` certificates; reports progress. */
export function writeDemoDatabase(filename: string, count: number, onProgress?: (rows: number) => void): void {
  fs.mkdirSync(path.dirname(filename), { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(filename + suffix, { force: true });
  const db = new Database(filename);
  try {
    db.pragma('journal_mode = WAL');
    db.exec(`CREATE TABLE ${DEMO_TABLE} (
      cert_no VARCHAR(10) NOT NULL PRIMARY KEY,
      newborn_name VARCHAR(20) NOT NULL,
      sex VARCHAR(2) NOT NULL,
      sex_code CHAR(1) NOT NULL,
      health_status VARCHAR(10) NOT NULL,
      birth_weight_g INTEGER NOT NULL,
      birth_time DATETIME NOT NULL,
      birth_place VARCHAR(100) NOT NULL,
      mother_name VARCHAR(20) NOT NULL,
      mother_id_no CHAR(18) NOT NULL,
      father_name VARCHAR(20),
      father_id_no CHAR(18),
      issue_time DATETIME NOT NULL,
      issuing_institution VARCHAR(100) NOT NULL
    )`);
    const insert = db.prepare(`INSERT INTO ${DEMO_TABLE} VALUES (@cert_no, @newborn_name, @sex, @sex_code, @health_status,
      @birth_weight_g, @birth_time, @birth_place, @mother_name, @mother_id_no, @father_name, @father_id_no, @issue_time, @issuing_institution)`);
    const chunk = 10_000;
    let batch: BirthCertificate[] = [];
    let written = 0;
    const flush = db.transaction((rows: BirthCertificate[]) => {
      for (const row of rows) insert.run(row);
    });
    for (const row of birthCertificates(count)) {
      batch.push(row);
      if (batch.length === chunk) {
        flush(batch);
        written += batch.length;
        batch = [];
        onProgress?.(written);
      }
    }
    flush(batch);
    onProgress?.(written + batch.length);
  } finally {
    db.close();
  }
}
