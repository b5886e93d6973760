import http from 'node:http';
import path from 'node:path';
import type { EngineEvent, ErrorEnvelope, Lang, OperationName, Output } from '../../../shared/index.js';
import { ExNodeError, msg } from '../../../shared/index.js';
import { readDiscovery } from '../discovery.js';
import { readCliToken } from './credentials.js';
import type { CliApi } from './context.js';
import { inProcessSession } from './in-process.js';

interface Answer {
  status: number;
  body: string;
}

/** One HTTP exchange with no overall time limit (a `bridge run` waits as long as its run takes). */
function request(url: URL, method: string, headers: Record<string, string>, body?: string, timeoutMs?: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (data += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (timeoutMs) req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
    req.end(body);
  });
}

/** The operations of a service reached over its loopback API, as the CLI's token's account. */
export function remoteApi(baseUrl: string, token: string | undefined): CliApi {
  const headers = (json: boolean): Record<string, string> => ({
    ...(json ? { 'Content-Type': 'application/json' } : {}),
    ...(token ? { Authorization: `Bearer ${token}` } : {}),
  });
  return {
    call: async <K extends OperationName>(op: K, input: unknown): Promise<Output<K>> => {
      const answer = await request(new URL(`api/ops/${op}`, baseUrl), 'POST', headers(true), JSON.stringify(input ?? {}));
      const parsed = answer.body ? JSON.parse(answer.body) as unknown : {};
      if (answer.status >= 200 && answer.status < 300) return parsed as Output<K>;
      const error = ExNodeError.fromEnvelope(parsed as ErrorEnvelope);
      if (error.code === 'UNAUTHENTICATED') throw new ExNodeError('UNAUTHENTICATED', msg('schedule.remoteAuth', { detail: error.message }));
      throw error;
    },
    subscribe: (listener) => {
      const req = http.get(new URL('api/events', baseUrl), { headers: headers(false) }, (res) => {
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const type = /^event: (.+)$/m.exec(block)?.[1];
            const data = /^data: (.+)$/m.exec(block)?.[1];
            if (type && data) listener({ type, payload: JSON.parse(data) } as EngineEvent);
          }
        });
      });
      req.on('error', () => undefined);
      return () => req.destroy();
    },
  };
}

/**
 * The service running on `dataDir`, when there is one that answers: its discovery file names its
 * address, and it must say it serves this very data directory (a stale file or a reused port is not it).
 */
export async function findService(dataDir: string): Promise<string | null> {
  const found = readDiscovery(dataDir);
  if (!found) return null;
  try {
    const answer = await request(new URL('api/ops/node/info', found.url), 'POST', {
      'Content-Type': 'application/json', ...(readCliToken(dataDir) ? { Authorization: `Bearer ${readCliToken(dataDir)}` } : {}),
    }, '{}', 2000);
    if (answer.status === 401) return found.url;
    if (answer.status !== 200) return null;
    const info = JSON.parse(answer.body) as { dataDir?: string };
    return info.dataDir && path.resolve(info.dataDir) === path.resolve(dataDir) ? found.url : null;
  } catch {
    return null;
  }
}

/**
 * A CLI command's session: through the service when one runs on the data directory (one queue, one
 * audit trail), else with an engine opened in this process.
 */
export async function nodeSession(dataDir: string, lang: Lang, work: (api: CliApi) => Promise<void>): Promise<void> {
  const url = await findService(dataDir);
  if (url) return work(remoteApi(url, readCliToken(dataDir)));
  return inProcessSession(dataDir, lang, work);
}
