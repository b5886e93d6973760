import type { ConnectionConfig } from '../../../shared/index.js';
import { CAPABILITIES } from '../../../shared/index.js';

/** One line a technician recognises: `mysql://app@10.1.2.3:3306/hr`, `sqlite:/data/x.sqlite`. */
export function summarize(config: ConnectionConfig): string {
  switch (config.dialect) {
    case 'sqlite':
      return `sqlite:${config.filename}`;
    case 'oracle': {
      if (config.connectString) return `oracle://${config.user}@${config.connectString}`;
      const target = config.serviceName ?? config.database ?? `SID=${config.sid ?? ''}`;
      return `oracle://${config.user}@${config.host ?? ''}:${config.port ?? CAPABILITIES.oracle.defaultPort}/${target}`;
    }
    default:
      return `${config.dialect}://${config.user}@${config.host}:${config.port ?? CAPABILITIES[config.dialect].defaultPort}/${config.database}`;
  }
}

/** The stored, shown form of a config: the password is removed (it is kept encrypted apart). */
export function withoutSecret(config: ConnectionConfig): Record<string, unknown> {
  const { password: _password, ...rest } = config as ConnectionConfig & { password?: string };
  return rest;
}
