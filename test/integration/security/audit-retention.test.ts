import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../../electron/engine/engine.js';
import { tempDir } from '../../support/temp.js';
import { signIn } from '../../support/node-setup.js';

describe('audit retention', () => {
  const tmp = tempDir();
  const dataDir = path.join(tmp.dir, 'data');
  let engine: Engine;

  beforeAll(async () => {
    await signIn(dataDir, 'sysadmin');
    await signIn(dataDir, 'auditor');
    engine = await Engine.open({ dataDir });
  });
  afterAll(async () => {
    await engine.close();
    tmp.remove();
  });

  it('archives expired records to a keyed file that verifies with the chain, and detects it tampered or missing', async () => {
    const before = await engine.audit.verify();
    expect(before).toMatchObject({ ok: true });
    expect(await engine.audit.archiveExpired(5)).toBeNull();
    const inSixYears = new Date(Date.now() + 6 * 365 * 86_400_000);
    const file = await engine.audit.archiveExpired(5, inSixYears);
    expect(file).not.toBeNull();
    expect(await engine.db('audit_events').count({ n: '*' }).first()).toMatchObject({ n: 0 });
    await engine.audit.append({ actor: 'auditor', operation: 'audit/verify', outcome: 'ok', shell: 'cli' });
    expect(await engine.audit.verify()).toMatchObject({ ok: true, records: before.records + 1 });

    const original = fs.readFileSync(file!, 'utf8');
    fs.writeFileSync(file!, original.replace('"actor":"sysadmin"', '"actor":"mallory"'));
    expect(await engine.audit.verify()).toMatchObject({ ok: false, firstBroken: 1 });
    fs.rmSync(file!);
    expect(await engine.audit.verify()).toMatchObject({ ok: false, firstBroken: 1, reason: 'link' });
    fs.writeFileSync(file!, original);
    expect(await engine.audit.verify()).toMatchObject({ ok: true });
  });

  it('never keeps less than 2 years', async () => {
    expect(await engine.audit.archiveExpired(1, new Date(Date.now() + 365 * 86_400_000))).toBeNull();
  });
});
