import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AuditRecord } from './log.js';

export const ARCHIVE_DIR = 'audit-archive';

export interface ArchiveTrailer {
  readonly first: number;
  readonly last: number;
  /** prev_hash of the first record: the head of the archive (or GENESIS) before it. */
  readonly prev: string;
  readonly head: string;
  readonly mac: string;
}

export function archiveMac(key: Buffer, t: Omit<ArchiveTrailer, 'mac'>, body: string): string {
  const digest = crypto.createHash('sha256').update(body).digest('hex');
  return crypto.createHmac('sha256', key).update(`exnode-audit-archive|${t.first}|${t.last}|${t.prev}|${t.head}|${digest}`).digest('hex');
}

/** Writes expired records to a file of their own: one JSON record a line, then a keyed trailer. */
export function writeArchive(dir: string, key: Buffer, rows: readonly AuditRecord[]): string {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const body = rows.map((r) => JSON.stringify(r)).join('\n');
  const t = { first: rows[0]!.seq, last: rows.at(-1)!.seq, prev: rows[0]!.prev_hash, head: rows.at(-1)!.hash };
  const file = path.join(dir, `audit-${String(t.first).padStart(12, '0')}-${String(t.last).padStart(12, '0')}.jsonl`);
  const fd = fs.openSync(file, 'w', 0o600);
  try {
    fs.writeSync(fd, `${body}\n${JSON.stringify({ trailer: { ...t, mac: archiveMac(key, t, body) } })}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return file;
}

/** The archives in chain order, each with its records and trailer; `damaged` when a file cannot be read as one. */
export function readArchives(dir: string): ({ file: string; rows: AuditRecord[]; trailer: ArchiveTrailer; body: string } | { file: string; damaged: true })[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => /^audit-\d+-\d+\.jsonl$/.test(f)).sort().map((name) => {
    const file = path.join(dir, name);
    try {
      const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
      const trailer = (JSON.parse(lines.pop()!) as { trailer: ArchiveTrailer }).trailer;
      return { file, rows: lines.map((l) => JSON.parse(l) as AuditRecord), trailer, body: lines.join('\n') };
    } catch {
      return { file, damaged: true as const };
    }
  });
}
