import { DEFAULT_SECURITY_POLICY, securityPolicySchema, type SecurityPolicy } from '../../../shared/index.js';
import type { StateDb } from '../store/db.js';

const KEY = 'policy';

/** The security administrator's rules, kept in their own table; missing fields take the defaults. */
export class PolicyStore {
  constructor(private readonly db: StateDb) {}

  async get(): Promise<SecurityPolicy> {
    const row = await this.db('security_settings').where({ key: KEY }).first('value_json');
    const stored = row ? (JSON.parse(row.value_json as string) as Partial<SecurityPolicy>) : {};
    return securityPolicySchema.parse({ ...DEFAULT_SECURITY_POLICY, ...stored });
  }

  async set(change: Partial<SecurityPolicy>): Promise<SecurityPolicy> {
    const next = securityPolicySchema.parse({ ...(await this.get()), ...change });
    await this.db('security_settings').insert({ key: KEY, value_json: JSON.stringify(next) }).onConflict('key').merge();
    return next;
  }
}
