import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine, VERSION } from '../../electron/engine/engine.js';
import { attachEngineLog, type EngineLog } from '../../electron/engine/logs/engine-log.js';
import { secretForms } from '../../electron/engine/diagnostics/scrub.js';
import { TEST_ACTOR } from '../support/actors.js';
import { exnode } from '../support/cli.js';
import { readyNode } from '../support/node-setup.js';
import { MYSQL_DB } from '../support/servers.js';
import { tempDir } from '../support/temp.js';
import { unzipAll } from '../support/unzip.js';

// A password no real text contains: if any of its forms is found in the bundle, a secret left the machine.
const CANARY = 'Canary-7f3a!pw:@/%9q';

function expectNoCanary(entries: Map<string, Buffer>): void {
  for (const [name, bytes] of entries) {
    for (const form of secretForms(CANARY)) expect(bytes.indexOf(Buffer.from(form)), `${name} contains "${form}"`).toBe(-1);
  }
}

describe('diagnostics bundle', () => {
  const tmp = tempDir('exnode-diag-');
  const dataDir = path.join(tmp.dir, 'node');
  let engine: Engine;
  let engineLog: EngineLog;

  beforeAll(async () => {
    engine = await Engine.open({ dataDir });
    engineLog = attachEngineLog(engine, VERSION);
    await engine.call('connections/save', {
      config: { name: 'hr', dialect: 'mysql', host: '127.0.0.1', database: MYSQL_DB, user: 'root', password: CANARY },
    }, TEST_ACTOR);
    const demo = await engine.call('demo/load', { rows: 200 }, TEST_ACTOR);
    await engine.call('bridges/run', { name: demo.bridge, wait: true }, TEST_ACTOR);
    // A careless log line (a connection URL in a field no redaction rule knows) must not leak either.
    engineLog.log.write('warn', `connect to mysql://root:${CANARY}@127.0.0.1/hr failed`, { url: `mysql://root:${encodeURIComponent(CANARY)}@127.0.0.1/hr` });
    await engineLog.log.flush();
  }, 60_000);

  afterAll(async () => {
    await engineLog?.close();
    await engine?.close();
    tmp.remove();
  });

  it('zips versions, configuration and logs, and no byte of it holds the canary password', async () => {
    const bundle = await engine.call('diagnostics/collect', {}, TEST_ACTOR);
    expect(bundle.filename).toMatch(/^exnode-diagnostics-.*\.zip$/);
    const entries = await unzipAll(Buffer.from(bundle.zipBase64, 'base64'));
    expect([...entries.keys()].sort()).toEqual([...bundle.entries].sort());
    for (const name of ['versions.json', 'node-info.json', 'settings.json', 'connections.json', 'bridges.json', 'runs.json', 'data-dir.txt', 'logs/engine.log']) {
      expect(entries.has(name), name).toBe(true);
    }
    const versions = JSON.parse(entries.get('versions.json')!.toString()) as { exnode: string; runtime: { node: string } };
    expect(versions).toMatchObject({ exnode: VERSION, runtime: { node: process.versions.node } });
    const connections = JSON.parse(entries.get('connections.json')!.toString()) as { name: string; hasPassword: boolean }[];
    expect(connections.find((c) => c.name === 'hr')).toMatchObject({ hasPassword: true });
    const log = entries.get('logs/engine.log')!.toString();
    expect(log).toMatch(/Engine started: version/);
    expect(log).toMatch(/Bridge demo-birth-certificates succeeded .*sender 200 rows/);
    expect(log).toContain('mysql://root:***@127.0.0.1/hr');
    expect(entries.get('data-dir.txt')!.toString()).toMatch(/credential\.key/);
    expectNoCanary(entries);
    // The key files are listed by name only: their content never travels.
    const key = fs.readFileSync(path.join(dataDir, 'credential.key'), 'utf8').trim();
    for (const [name, bytes] of entries) expect(bytes.indexOf(Buffer.from(key)), name).toBe(-1);
  }, 60_000);

  it('is audited as taken by whom', async () => {
    const rows = (await engine.db('audit_events').where({ operation: 'diagnostics/collect' })) as { actor: string }[];
    expect(rows.length).toBeGreaterThan(0);
  });
});

describe('exnode diagnostics --out', () => {
  const tmp = tempDir('exnode-diag-cli-');
  const dataDir = path.join(tmp.dir, 'node');
  afterAll(() => tmp.remove());

  it('writes the zip where asked and says what is in it', async () => {
    const env = await readyNode(dataDir);
    const connection = path.join(tmp.dir, 'hr.json');
    fs.writeFileSync(connection, JSON.stringify({ name: 'hr', dialect: 'postgres', host: '127.0.0.1', database: 'x', user: 'u', password: CANARY }));
    const added = await exnode(['--data-dir', dataDir, 'connection', 'add', '--file', connection], { env });
    expect(added.code, added.stderr).toBe(0);
    const out = path.join(tmp.dir, 'support.zip');
    const result = await exnode(['--data-dir', dataDir, 'diagnostics', '--out', out], { env: { ...env, LANG: 'zh_CN.UTF-8' } });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/诊断包已保存到 .*support\.zip/);
    const entries = await unzipAll(fs.readFileSync(out));
    expect(entries.has('connections.json')).toBe(true);
    expectNoCanary(entries);
  }, 60_000);

  it('asks for --out when it is missing', async () => {
    const env = await readyNode(dataDir);
    const result = await exnode(['--data-dir', dataDir, 'diagnostics'], { env: { ...env, LANG: 'en_US.UTF-8' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/--out/);
  }, 60_000);
});
