import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactSecrets } from '../../../electron/engine/redact.js';
import { startHttpNode, type HttpNode } from './http-node.js';

const TOKEN = 'Canary-robot-token-7f3e';
const WECOM_KEY = 'Canary-wecom-key-91ab';
const ROBOT = `https://oapi.dingtalk.com/robot/send?access_token=${TOKEN}`;

/**
 * A DingTalk or WeCom robot's address carries its credential (access_token, key): whoever has it posts
 * to the department's group. The probe found it shown to every viewer in the channel list and written
 * in clear into the audit trail.
 */
describe('robot addresses keep their access tokens to the node', () => {
  let node: HttpNode;
  beforeAll(async () => {
    node = await startHttpNode();
    for (const [name, kind, url] of [['ding', 'dingtalk', ROBOT], ['wecom', 'wecom', `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${WECOM_KEY}`]] as const) {
      const res = await node.post('alerts/channels/save', { name, config: { kind, url }, secret: 'SEC-signing-canary', enabled: false }, node.as('sysadmin'));
      expect(res.statusCode, res.body).toBe(200);
      expect(res.body).not.toContain(TOKEN);
    }
  }, 60_000);
  afterAll(async () => node.close());

  it('never shows the token to any role, in the list or in the audit trail and its export', async () => {
    for (const role of ['viewer', 'operator', 'sysadmin'] as const) {
      const res = await node.post('alerts/channels', {}, node.as(role));
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain(TOKEN);
      expect(res.body).not.toContain(WECOM_KEY);
      expect(res.body).not.toContain('SEC-signing-canary');
      expect(res.json()[0].config.url).toBe('https://oapi.dingtalk.com/robot/send?access_token=***');
    }
    const audit = await node.post('audit/list', { limit: 5000 }, node.as('auditor'));
    expect(audit.body).toContain('alerts/channels/save');
    expect(audit.body).not.toContain(TOKEN);
    expect(audit.body).not.toContain(WECOM_KEY);
    const csv = await node.post('audit/export', { format: 'csv' }, node.as('auditor'));
    expect(csv.statusCode).toBe(200);
    const text = Buffer.from(csv.json().base64 as string, 'base64').toString('utf8');
    expect(text).toContain('alerts/channels/save');
    expect(text).not.toContain(TOKEN);
  });

  it('keeps the stored token when the masked address is saved back, and refuses it for another address', async () => {
    const shown = (await node.post('alerts/channels', {}, node.as('sysadmin'))).json()[0];
    const saved = await node.post('alerts/channels/save', { name: 'ding', config: shown.config, enabled: false, minSeverity: 'critical' }, node.as('sysadmin'));
    expect(saved.statusCode, saved.body).toBe(200);
    const row = (await node.engine.db('monitor_channels').where({ name: 'ding' }).first()) as { config_json: string; url_enc: string; min_severity: string };
    expect(JSON.parse(row.config_json).url).toBe('https://oapi.dingtalk.com/robot/send?access_token=***');
    expect(row.url_enc).not.toContain(TOKEN);
    expect(row.min_severity).toBe('critical');
    for (const url of ['https://evil.example/robot/send?access_token=***', 'http://oapi.dingtalk.com/robot/send?access_token=***', 'https://oapi.dingtalk.com/other?access_token=***']) {
      const res = await node.post('alerts/channels/save', { name: 'ding', config: { kind: 'dingtalk', url }, enabled: false }, node.as('sysadmin'));
      expect({ url, status: res.statusCode, key: res.json().error?.key }).toEqual({ url, status: 400, key: 'security.retypeUrl' });
    }
    expect((await node.engine.db('monitor_channels').where({ name: 'ding' }).first()) as { url_enc: string }).toMatchObject({ url_enc: row.url_enc });
  });

  it('keeps the address sealed in the state database and still sends to the whole address', async () => {
    const heard: string[] = [];
    const listener = http.createServer((req, res) => {
      heard.push(req.url ?? '');
      req.resume();
      res.end('{}');
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(listener.address() as AddressInfo).port}/hook?token=${TOKEN}`;
      const saved = await node.post('alerts/channels/save', { name: 'local', config: { kind: 'webhook', url }, enabled: false }, node.as('sysadmin'));
      expect(saved.statusCode, saved.body).toBe(200);
      const rows = (await node.engine.db('monitor_channels').select('config_json')) as { config_json: string }[];
      expect(JSON.stringify(rows)).not.toContain(TOKEN);
      const sent = await node.post('alerts/channels/test', { name: 'local' }, node.as('sysadmin'));
      expect(sent.json(), sent.body).toMatchObject({ ok: true });
      expect(heard).toEqual([`/hook?token=${TOKEN}`]);
    } finally {
      listener.close();
    }
  });

  it('seals the address of a channel saved in clear by an older version, as the node starts', async () => {
    await node.engine.db('monitor_channels').where({ name: 'ding' }).update({ config_json: JSON.stringify({ kind: 'dingtalk', url: ROBOT }), url_enc: null });
    expect(await node.engine.monitor.channels.sealPlainAddresses()).toBe(1);
    const rows = (await node.engine.db('monitor_channels').select('config_json')) as { config_json: string }[];
    expect(JSON.stringify(rows)).not.toContain(TOKEN);
    expect(await node.engine.monitor.channels.sealPlainAddresses()).toBe(0);
  });

  it('masks credentials of addresses quoted in error texts and audit details', () => {
    expect(redactSecrets({ error: `request to ${ROBOT}&x=1 failed`, url: 'https://u:Pw-canary@host.example/p?sign=abc&keep=1' })).toEqual({
      error: 'request to https://oapi.dingtalk.com/robot/send?access_token=***&x=1 failed',
      url: 'https://u:***@host.example/p?sign=***&keep=1',
    });
  });
});
