/** Appends COUNT audit entries to the node at DATA_DIR from a process of its own (the CLI beside a service). */
import { openStateDb } from '../../electron/engine/store/db.js';
import { AuditLog } from '../../electron/engine/audit/log.js';

async function main(): Promise<void> {
  const [dataDir, count, tag] = process.argv.slice(2);
  const db = await openStateDb(dataDir!);
  const log = await AuditLog.open(db, dataDir!);
  for (let i = 0; i < Number(count); i++) await log.append({ actor: tag!, operation: 'test/append', target: String(i), outcome: 'ok' });
  await db.destroy();
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(1);
});
