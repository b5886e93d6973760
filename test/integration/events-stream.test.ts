import http from 'node:http';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunRecord } from '../../shared/index.js';
import { serve, type RunningNode } from '../../electron/server/serve.js';
import { tempDir } from '../support/temp.js';
import { signIn } from '../support/node-setup.js';

const tmp = tempDir('exnode-events-');
let node: RunningNode | undefined;
/** A system administrator's session: the stream, like every call, needs one. */
let auth: Record<string, string> = {};
afterAll(async () => {
  await node?.close();
  tmp.remove();
});

interface Received {
  contentType: string;
  raw: string;
  events: { type: string; data: unknown }[];
  close(): void;
}

/** Reads /api/events as a browser's EventSource would: frames split on blank lines. */
function listen(url: string): Promise<Received> {
  return new Promise((resolve, reject) => {
    const received: Received = { contentType: '', raw: '', events: [], close: () => undefined };
    const req = http.get(new URL('api/events', url), { headers: auth }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`/api/events answered ${res.statusCode}`));
        res.resume();
        return;
      }
      received.contentType = String(res.headers['content-type']);
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk: string) => {
        received.raw += chunk;
        buffer += chunk;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const type = /^event: (.+)$/m.exec(frame)?.[1];
          const data = /^data: (.+)$/m.exec(frame)?.[1];
          if (type && data) received.events.push({ type, data: JSON.parse(data) });
        }
        if (received.raw.includes(': connected')) resolve(received);
      });
    });
    req.on('error', reject);
    received.close = () => req.destroy();
  });
}

async function post(url: string, op: string, body: unknown): Promise<unknown> {
  const res = await fetch(new URL(`api/ops/${op}`, url), { method: 'POST', headers: { 'Content-Type': 'application/json', ...auth }, body: JSON.stringify(body) });
  const json = await res.json();
  if (!res.ok) throw new Error(JSON.stringify(json));
  return json;
}

describe('/api/events', () => {
  it('streams a run\'s updates as server-sent events, from queued to its end, with its progress', async () => {
    const dataDir = path.join(tmp.dir, 'data');
    auth = { authorization: `Bearer ${await signIn(dataDir, 'sysadmin')}` };
    node = await serve({ dataDir, host: '127.0.0.1', port: 0 });
    const stream = await listen(node.url);
    expect(stream.contentType).toMatch(/^text\/event-stream/);
    const demo = await post(node.url, 'demo/load', { rows: 20_000 }) as { bridge: string };
    const run = await post(node.url, 'bridges/run', { name: demo.bridge, wait: true }) as RunRecord;
    expect(run.status).toBe('succeeded');
    // The last frame may still be on its way.
    for (let i = 0; i < 50 && !stream.events.some((e) => (e.data as RunRecord).id === run.id && (e.data as RunRecord).status === 'succeeded'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    stream.close();
    const updates = stream.events.filter((e) => e.type === 'run.updated' && (e.data as RunRecord).id === run.id).map((e) => e.data as RunRecord);
    const statuses = updates.map((u) => u.status).filter((s, i, all) => s !== all[i - 1]);
    expect(statuses).toEqual(['queued', 'running', 'succeeded']);
    const rows = updates.map((u) => u.progress.rowsRead);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(updates.at(-1)!.sender.total).toBe(20_000);
    expect(stream.events.some((e) => e.type === 'demo.progress')).toBe(true);
  });
});
