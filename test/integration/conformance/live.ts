import type { ConnectionConfigInput } from '../../../shared/index.js';

/** `mssql://user:password@host:port/database` or `oracle://user:password@host:port/service` → a connection config. */
export function configFromUrl(url: string, dialect: 'mssql' | 'oracle'): ConnectionConfigInput {
  const u = new URL(url);
  const common = {
    name: `live-${dialect}`, host: u.hostname, user: decodeURIComponent(u.username), password: decodeURIComponent(u.password),
    ...(u.port ? { port: Number(u.port) } : {}),
  };
  const target = decodeURIComponent(u.pathname.slice(1));
  if (dialect === 'mssql') {
    return { ...common, dialect, database: target, trustServerCertificate: u.searchParams.get('trustServerCertificate') !== 'false', encrypt: u.searchParams.get('encrypt') !== 'false' };
  }
  return { ...common, dialect, serviceName: target };
}
