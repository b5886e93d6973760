import { ExNodeError, msg } from '../../../shared/index.js';

const NAME_RULE = /^[A-Za-z][A-Za-z0-9._-]{1,31}$/;

/** Letters and digits that read alike in a list of accounts: folded before comparing. */
const CONFUSABLE: readonly [RegExp, string][] = [[/rn/g, 'm'], [/vv/g, 'w'], [/[0]/g, 'o'], [/[1il|]/g, 'l'], [/[5]/g, 's'], [/[_.-]/g, '']];

/** A user name in its one stored form (NFKC, so full-width `ｍａｒｉａ` is `maria`), or a clear refusal. */
export function normaliseUserName(raw: string): string {
  const name = raw.normalize('NFKC').trim();
  if (!NAME_RULE.test(name)) throw new ExNodeError('INVALID_INPUT', msg('users.nameInvalid'));
  return name;
}

/** The key two names share when a person could take one for the other (`Maria`, `rnaria`, `maria`). */
export function skeletonOf(name: string): string {
  let s = name.normalize('NFKC').toLowerCase();
  for (const [pattern, to] of CONFUSABLE) s = s.replace(pattern, to);
  return s;
}
