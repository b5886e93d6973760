import mysql from 'mysql2/promise';
import { MYSQL_DB } from './servers.js';

/**
 * A business database with `count` tables `<prefix>01`...: the last `withoutKey` have neither a
 * primary key nor a unique key, so no bridge can identify their rows. Each table has a few rows.
 */
export async function createBatchTables(prefix: string, count = 20, withoutKey = 2, database = MYSQL_DB): Promise<{ names: string[]; keyless: string[] }> {
  const admin = await mysql.createConnection({ host: '127.0.0.1', port: 3306, user: 'root' });
  await admin.query(`CREATE DATABASE IF NOT EXISTS \`${database}\``).finally(() => admin.end());
  const db = await mysql.createConnection({ host: '127.0.0.1', port: 3306, user: 'root', database });
  const names: string[] = [];
  try {
    for (let i = 1; i <= count; i += 1) {
      const name = `${prefix}${String(i).padStart(2, '0')}`;
      names.push(name);
      const keyed = i <= count - withoutKey;
      await db.query(`DROP TABLE IF EXISTS \`${name}\``);
      await db.query(`CREATE TABLE \`${name}\` (id INT NOT NULL ${keyed ? 'PRIMARY KEY' : ''}, title VARCHAR(40), updated_at DATETIME NOT NULL)`);
      const rows = Array.from({ length: i * 3 }, (_, r) => [r + 1, `记录 ${r + 1}`, new Date(Date.UTC(2025, 0, 1, 0, r))]);
      await db.query(`INSERT INTO \`${name}\` (id, title, updated_at) VALUES ?`, [rows]);
    }
  } finally {
    await db.end();
  }
  return { names, keyless: names.slice(count - withoutKey) };
}

export async function dropBatchTables(names: string[], database = MYSQL_DB): Promise<void> {
  const db = await mysql.createConnection({ host: '127.0.0.1', port: 3306, user: 'root', database });
  try {
    for (const name of names) await db.query(`DROP TABLE IF EXISTS \`${name}\``);
  } finally {
    await db.end();
  }
}
