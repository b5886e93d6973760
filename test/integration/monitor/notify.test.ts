import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelView, Delivery, RunRecord } from '../../../shared/index.js';
import { translate } from '../../../shared/index.js';
import { Engine } from '../../../electron/engine/engine.js';
import { TEST_ACTOR } from '../../support/actors.js';
import { tempDir } from '../../support/temp.js';

interface Received { path: string; query: URLSearchParams; body: Record<string, unknown> }

/** Notifications reach a real HTTP server on loopback: generic JSON, DingTalk (signed) and WeCom, with retries. */
describe('alert notifications', () => {
  const tmp = tempDir('exnode-notify-');
  let engine: Engine;
  let server: http.Server;
  let base: string;
  const received: Received[] = [];
  /** Paths answered 500 this many more times before they accept. */
  const failures = new Map<string, number>();
  const call = <T>(op: string, input: unknown) => engine.call(op, input, TEST_ACTOR) as Promise<T>;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let data = '';
      req.on('data', (c: Buffer) => (data += c.toString()));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://x');
        const left = failures.get(url.pathname) ?? 0;
        if (left > 0) {
          failures.set(url.pathname, left - 1);
          res.writeHead(500).end('busy');
          return;
        }
        received.push({ path: url.pathname, query: url.searchParams, body: JSON.parse(data) as Record<string, unknown> });
        res.writeHead(200, { 'content-type': 'application/json' }).end(url.pathname === '/refuse' ? '{"errcode":310000,"errmsg":"sign not match"}' : '{"errcode":0,"errmsg":"ok"}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    engine = await Engine.open({ dataDir: tmp.dir });
    engine.monitor.channels.retryDelaysMs = [50, 100];
  });
  afterAll(async () => {
    await engine.close();
    server.close();
    tmp.remove();
  });

  it('sends a test message, retrying a failed delivery, and keeps the secret to itself', async () => {
    const saved = await call<ChannelView>('alerts/channels/save', { name: '值班群', config: { kind: 'dingtalk', url: `${base}/ding?access_token=abc` }, secret: 'SECxyz', minSeverity: 'warning' });
    expect(saved.hasSecret).toBe(true);
    expect(JSON.stringify(saved)).not.toContain('SECxyz');
    expect(JSON.stringify(await call('alerts/channels', {}))).not.toContain('SECxyz');

    failures.set('/ding', 1);
    const delivery = await call<Delivery>('alerts/channels/test', { name: '值班群' });
    expect(delivery).toEqual({ ok: true, attempts: 2, error: null, errorMessage: null });
    const got = received.find((r) => r.path === '/ding')!;
    expect(got.query.get('access_token')).toBe('abc');
    const timestamp = got.query.get('timestamp')!;
    const expected = crypto.createHmac('sha256', 'SECxyz').update(`${timestamp}\nSECxyz`).digest('base64');
    expect(got.query.get('sign')).toBe(expected);
    expect(got.body).toMatchObject({ msgtype: 'markdown', markdown: { title: 'ExNode 告警' } });
    expect(String((got.body.markdown as { text: string }).text)).toContain('测试通知');
    const audit = await engine.db('audit_events').where({ operation: 'alerts/channels/save' }).first();
    expect(audit.detail_json).not.toContain('SECxyz');
  });

  it('makes a failing channel\'s error visible', async () => {
    await call('alerts/channels/save', { name: 'wecom-bad', config: { kind: 'wecom', url: `${base}/refuse` } });
    const delivery = await call<Delivery>('alerts/channels/test', { name: 'wecom-bad' });
    expect(delivery).toMatchObject({ ok: false, attempts: 3 });
    expect(delivery.error).toMatch(/310000 sign not match/);
    const view = (await call<ChannelView[]>('alerts/channels', {})).find((c) => c.name === 'wecom-bad')!;
    expect(view.lastError).toMatch(/310000/);
    // In the reader's language, like every other message of the node.
    expect(translate('zh-CN', view.lastErrorMessage!.key, view.lastErrorMessage!.params)).toBe('接收方拒绝：310000 sign not match（共尝试 3 次）');
    expect(translate('zh-CN', delivery.errorMessage!.key, delivery.errorMessage!.params)).toBe('接收方拒绝：310000 sign not match');
    expect(view.lastErrorAt).not.toBeNull();
    await call('alerts/channels/delete', { name: 'wecom-bad' });
  });

  it('posts a generic JSON webhook when an alert opens and when it resolves', async () => {
    await call('alerts/channels/save', { name: 'hook', config: { kind: 'webhook', url: `${base}/hook` }, minSeverity: 'info' });
    received.length = 0;
    failures.set('/hook', 1);
    // A finished run with a deviation, as the runner reports it.
    const run = { id: 'run_x', bridgeId: 'br_x', bridgeName: 'people', status: 'succeeded', deviation: { inserted: 2, updated: 0, deleted: 0, total: 2 }, receiver: { rejected: 0 },
      reconciliation: { status: 'deviation' }, startedAt: new Date().toISOString(), finishedAt: new Date().toISOString(), durationMs: 5, mode: 'full', direction: 'send',
      sender: { total: 10, inserted: 2, updated: 0, deleted: 0 } } as unknown as RunRecord;
    engine.events.emit('run.updated', { ...run, receiver: { inserted: 0, updated: 0, deleted: 0, rejected: 0 } });
    await engine.monitor.delivered();
    engine.events.emit('run.updated', { ...run, id: 'run_y', deviation: { inserted: 0, updated: 0, deleted: 0, total: 0 }, reconciliation: { status: 'reconciled' } as RunRecord['reconciliation'],
      receiver: { inserted: 2, updated: 0, deleted: 0, rejected: 0 } });
    await engine.monitor.delivered();
    const hooks = received.filter((r) => r.path === '/hook');
    expect(hooks.map((h) => h.body.event)).toEqual(['alert.opened', 'alert.resolved']);
    expect(hooks[0]!.body).toMatchObject({ product: 'ExNode', alert: { kind: 'deviation', bridge: 'people', severity: 'critical' } });
    expect(String(hooks[0]!.body.text)).toContain('桥接任务“people”运行 run_x 存在偏差 2');
    expect(String(hooks[0]!.body.textEn)).toContain('deviation of 2');
    // The DingTalk channel (threshold: warning) got the critical alert too.
    expect(received.filter((r) => r.path === '/ding')).toHaveLength(2);
  });

  it('keeps a robot\'s token and the SMTP password out of responses, the audit trail and the data directory\'s logs', async () => {
    const TOKEN = 'CanaryToken7f3e';
    const PASSWORD = 'CanarySmtpPw9k2';
    const url = `${base}/canary?access_token=${TOKEN}&other=visible`;
    const saved = await call<ChannelView>('alerts/channels/save', { name: 'canary', config: { kind: 'dingtalk', url }, secret: 'SECcanary' });
    expect(saved.config).toEqual({ kind: 'dingtalk', url: `${base}/canary?access_token=***&other=visible` });
    await call('alerts/channels/save', {
      name: 'mail', config: { kind: 'email', host: '127.0.0.1', port: 1, secure: false, user: 'ops', from: 'exnode@example.cn', to: ['ops@example.cn'] }, secret: PASSWORD,
    });
    // Saved again from the console's masked form: the real address stays and still delivers.
    await call('alerts/channels/save', { name: 'canary', config: saved.config });
    expect(await call<Delivery>('alerts/channels/test', { name: 'canary' })).toMatchObject({ ok: true });
    expect(received.find((r) => r.path === '/canary')!.query.get('access_token')).toBe(TOKEN);
    const mail = await call<Delivery>('alerts/channels/test', { name: 'mail' });
    expect(mail.ok).toBe(false);

    const shown = JSON.stringify([await call('alerts/channels', {}), mail]);
    const audit = JSON.stringify(await engine.db('audit_events').select());
    for (const canary of [TOKEN, PASSWORD]) {
      expect(shown).not.toContain(canary);
      expect(audit).not.toContain(canary);
    }
    expect(audit).toContain('access_token=***');
    const logs = path.join(tmp.dir, 'logs');
    for (const file of fs.existsSync(logs) ? fs.readdirSync(logs) : []) {
      const text = fs.readFileSync(path.join(logs, file), 'utf8');
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(PASSWORD);
    }
  });

  it('refuses addresses that are not http(s): file:, javascript:, data:', async () => {
    for (const bad of ['file:///etc/passwd', 'javascript:alert(1)', 'data:text/plain,x', 'ftp://127.0.0.1/x', '//127.0.0.1/x']) {
      await expect(call('alerts/channels/save', { name: 'bad', config: { kind: 'webhook', url: bad } }), bad).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    }
  });
});
