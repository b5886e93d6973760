import { z } from 'zod';
import { ROLES } from '../permissions.js';
import { op } from './define.js';
import { passwordInput, securityPolicySchema, userNameInput } from './auth.js';

const ok = z.object({ ok: z.literal(true) });
const byUser = z.object({ username: userNameInput }).strict();

export const accountViewSchema = z.object({
  name: z.string(),
  roles: z.array(z.enum(ROLES)),
  locked: z.boolean(),
  lockedUntil: z.string().nullable(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
  activeSessions: z.number(),
});
export type AccountView = z.infer<typeof accountViewSchema>;

/** Accounts, sessions and the security policy: the security administrator's work. */
export const usersOps = {
  'users/list': op({ input: z.object({}).strict(), output: z.array(accountViewSchema), permission: 'users.manage', mutates: false, summary: 'List accounts' }),
  'users/add': op({
    input: z.object({ username: userNameInput, role: z.enum(['operator', 'viewer']), password: passwordInput }).strict(),
    output: accountViewSchema, permission: 'users.manage', mutates: true, summary: 'Create an operator or viewer account',
  }),
  'users/lock': op({ input: byUser, output: ok, permission: 'users.manage', mutates: true, summary: 'Lock an account' }),
  'users/unlock': op({ input: byUser, output: ok, permission: 'users.manage', mutates: true, summary: 'Unlock an account' }),
  'users/reset': op({
    input: z.object({ username: userNameInput, password: passwordInput }).strict(),
    output: ok, permission: 'users.manage', mutates: true, summary: 'Reset a password (changed at next sign-in)',
  }),
  'users/revokeSessions': op({ input: byUser, output: z.object({ revoked: z.number() }), permission: 'users.manage', mutates: true, summary: 'End every session of an account' }),
  'users/remove': op({ input: byUser, output: ok, permission: 'users.manage', mutates: true, summary: 'Remove an account' }),
  'security/getPolicy': op({ input: z.object({}).strict(), output: securityPolicySchema, permission: 'security.configure', mutates: false, summary: 'Password, lockout and session rules' }),
  'security/setPolicy': op({ input: securityPolicySchema.partial().strict(), output: securityPolicySchema, permission: 'security.configure', mutates: true, summary: 'Change the password, lockout and session rules' }),
} as const;
