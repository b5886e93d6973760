import { hash, verify } from '@node-rs/argon2';
import { ExNodeError, msg, type SecurityPolicy } from '../../../shared/index.js';

/** argon2id (the library's default) with its recommended memory (19 MiB) and passes. */
export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFKC'), { memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

export async function passwordMatches(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password.normalize('NFKC'));
  } catch {
    return false;
  }
}

/** A hash of a fixed throwaway password: checked for unknown users so their answer takes as long as a wrong password. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(`decoy-${Math.random()}`);
  return decoy;
}

const MAX_LENGTH = 128;

/** Refuses a password the policy does not allow (length, character classes, the user name inside it). */
export function checkPasswordPolicy(password: string, userName: string, policy: SecurityPolicy): void {
  const p = password.normalize('NFKC');
  if ([...p].length < policy.passwordMinLength) throw new ExNodeError('INVALID_INPUT', msg('auth.passwordTooShort', { min: policy.passwordMinLength }));
  if ([...p].length > MAX_LENGTH) throw new ExNodeError('INVALID_INPUT', msg('auth.passwordTooLong', { max: MAX_LENGTH }));
  const classes = [/\p{Lu}/u, /\p{Ll}/u, /\p{Nd}/u, /[^\p{L}\p{Nd}]/u].filter((re) => re.test(p)).length;
  if (classes < policy.passwordMinClasses) throw new ExNodeError('INVALID_INPUT', msg('auth.passwordClasses', { classes: policy.passwordMinClasses }));
  if (userName.length >= 3 && p.toLowerCase().includes(userName.toLowerCase())) throw new ExNodeError('INVALID_INPUT', msg('auth.passwordContainsName'));
}
