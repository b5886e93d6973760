import fs from 'node:fs';
import path from 'node:path';

/** Written by a running service into its data directory, so that CLI commands find it and use its queue. */
export interface Discovery {
  readonly url: string;
  readonly pid: number;
  readonly startedAt: string;
}

export const DISCOVERY_FILE = 'service.json';

export function writeDiscovery(dataDir: string, value: Discovery): void {
  const file = path.join(dataDir, DISCOVERY_FILE);
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(value), { mode: 0o600 });
  fs.renameSync(`${file}.tmp`, file);
}

/** Removes the file if it is still this process's (a newer service may have replaced it). */
export function removeDiscovery(dataDir: string, pid = process.pid): void {
  const found = readDiscovery(dataDir);
  if (found && found.pid === pid) fs.rmSync(path.join(dataDir, DISCOVERY_FILE), { force: true });
}

export function readDiscovery(dataDir: string): Discovery | null {
  try {
    const value = JSON.parse(fs.readFileSync(path.join(dataDir, DISCOVERY_FILE), 'utf8')) as Partial<Discovery>;
    return typeof value.url === 'string' && typeof value.pid === 'number' ? (value as Discovery) : null;
  } catch {
    return null;
  }
}
