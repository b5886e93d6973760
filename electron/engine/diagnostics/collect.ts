import fs from 'node:fs';
// Not `{ createRequire }`: the desktop bundle's banner declares that name already (scripts/build-electron.mjs).
import nodeModule from 'node:module';
import os from 'node:os';
import path from 'node:path';
import yazl from 'yazl';
import type { DiagnosticsBundle } from '../../../shared/ops/diagnostics.js';
import type { EngineServices } from '../services.js';
import { redactSecrets } from '../redact.js';
import { logsDir } from '../logs/log-file.js';
import { tailBytes } from '../logs/tail.js';
import { SecretScrubber } from './scrub.js';

/** How much of each log file goes into the bundle (its newest part). */
export const LOG_BYTES_PER_FILE = 2 * 1024 * 1024;
/** Packages whose versions explain most support questions. */
const PACKAGES = ['knex', 'better-sqlite3', 'mysql2', 'pg', 'mssql', 'tedious', 'oracledb', 'fastify', 'zod'];
/** Files of the data directory that hold keys: never read into the bundle, only searched for in it. */
const KEY_FILE = /key|secret|token|anchor|\.pem$/i;

/**
 * What a support engineer needs to understand a node, as a zip: versions, the node's configuration
 * (connections without passwords, bridges, settings, recent runs), a listing of the data directory and
 * the newest part of every log. Field-level redaction first, then every byte is searched for every
 * secret the node knows (SecretScrubber), so a password that slipped into a log line does not leave.
 */
export async function collectDiagnostics(s: EngineServices, now = new Date()): Promise<DiagnosticsBundle> {
  const info = await s.nodeInfo();
  const entries: [string, Buffer][] = [];
  const json = (name: string, value: unknown) => entries.push([name, Buffer.from(`${JSON.stringify(redactSecrets(value), null, 2)}\n`)]);

  json('versions.json', versions(info.version));
  json('node-info.json', info);
  json('settings.json', await s.settings.all());
  const connections = await s.connections.list();
  json('connections.json', connections);
  json('bridges.json', await s.bridges.list());
  json('runs.json', await s.runs.list({ limit: 100 }));
  json('environment.json', {
    // Names only: values may be secrets (EXNODE_CREDENTIAL_KEY, passwordEnv variables).
    exnodeVariables: Object.keys(process.env).filter((name) => name.startsWith('EXNODE_')).sort(),
    lang: process.env.LANG ?? null,
    timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    utcOffsetMinutes: -now.getTimezoneOffset(),
  });
  entries.push(['data-dir.txt', Buffer.from(listing(s.dataDir))]);
  const logs = logsDir(s.dataDir);
  for (const name of safeReaddir(logs).filter((n) => n.endsWith('.log')).sort()) {
    entries.push([`logs/${name}`, tailBytes(path.join(logs, name), LOG_BYTES_PER_FILE)]);
  }

  const scrubber = new SecretScrubber(await knownSecrets(s, connections.map((c) => c.name)));
  const zip = new yazl.ZipFile();
  for (const [name, data] of entries) zip.addBuffer(scrubber.scrub(data), name, { mtime: now, mode: 0o100600 });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  const buffer = Buffer.concat(chunks);
  return {
    filename: `exnode-diagnostics-${now.toISOString().replace(/[:.]/g, '-')}.zip`,
    entries: entries.map(([name]) => name),
    bytes: buffer.length,
    zipBase64: buffer.toString('base64'),
  };
}

async function knownSecrets(s: EngineServices, connectionNames: string[]): Promise<string[]> {
  const secrets: string[] = [];
  for (const name of connectionNames) {
    try {
      const { password } = await s.connections.resolve(name);
      if (password) secrets.push(password);
    } catch {
      // a password that cannot be decrypted cannot leak either
    }
  }
  for (const variable of ['EXNODE_CREDENTIAL_KEY', 'EXNODE_SESSION_SECRET']) {
    const value = process.env[variable];
    if (value) secrets.push(value);
  }
  for (const name of safeReaddir(s.dataDir).filter((n) => KEY_FILE.test(n))) {
    const file = path.join(s.dataDir, name);
    try {
      if (fs.statSync(file).isFile() && fs.statSync(file).size <= 64 * 1024) {
        const text = fs.readFileSync(file, 'utf8');
        secrets.push(text, text.trim(), ...text.split(/\r?\n/).map((line) => line.trim()));
      }
    } catch {
      // unreadable: not ours to report
    }
  }
  return secrets;
}

function versions(product: string): Record<string, unknown> {
  const require = nodeModule.createRequire(import.meta.url);
  const packages: Record<string, string | null> = {};
  for (const name of PACKAGES) {
    try {
      packages[name] = (require(`${name}/package.json`) as { version: string }).version;
    } catch {
      packages[name] = null;
    }
  }
  return {
    exnode: product,
    runtime: { ...process.versions },
    os: { platform: process.platform, arch: process.arch, release: os.release(), version: os.version(), cpus: os.cpus().length, memoryMB: Math.round(os.totalmem() / 2 ** 20) },
    packages,
  };
}

/** Names, sizes, modes and times of the data directory's files (two levels deep), never their content. */
function listing(dir: string, depth = 0, prefix = ''): string {
  let out = '';
  for (const name of safeReaddir(dir).sort()) {
    const file = path.join(dir, name);
    try {
      const stat = fs.statSync(file);
      const mode = (stat.mode & 0o777).toString(8).padStart(4, '0');
      out += `${mode} ${String(stat.isDirectory() ? '-' : stat.size).padStart(12)} ${stat.mtime.toISOString()} ${prefix}${name}${stat.isDirectory() ? '/' : ''}\n`;
      if (stat.isDirectory() && depth < 1) out += listing(file, depth + 1, `${prefix}${name}/`);
    } catch {
      out += `? ${prefix}${name}\n`;
    }
  }
  return out;
}

function safeReaddir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}
