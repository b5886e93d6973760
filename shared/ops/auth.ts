import { z } from 'zod';
import { ROLES } from '../permissions.js';
import { op } from './define.js';

const empty = z.object({}).strict();
const ok = z.object({ ok: z.literal(true) });

/** A user name as typed; the engine normalises it (NFKC) and checks it against the naming rule. */
export const userNameInput = z.string().min(1).max(64);
/** A password as typed; the engine checks it against the security administrator's policy. */
export const passwordInput = z.string().min(1).max(256);
const credentials = z.object({ username: userNameInput, password: passwordInput }).strict();

export const SHELLS = ['console', 'cli', 'desktop', 'api', 'schedule', 'system'] as const;
export type Shell = (typeof SHELLS)[number];

export const signedInUserSchema = z.object({
  name: z.string(),
  roles: z.array(z.enum(ROLES)),
  mustChangePassword: z.boolean(),
});
export type SignedInUser = z.infer<typeof signedInUserSchema>;

/** Password, lockout and session rules, set by the security administrator. */
export const securityPolicySchema = z.object({
  passwordMinLength: z.number().int().min(8).max(128),
  /** Of upper-case, lower-case, digits, symbols. */
  passwordMinClasses: z.number().int().min(1).max(4),
  /** 0: passwords never expire. */
  passwordExpiryDays: z.number().int().min(0).max(365),
  /** The last N passwords may not be reused. */
  passwordHistory: z.number().int().min(0).max(24),
  lockoutFailures: z.number().int().min(3).max(20),
  lockoutMinutes: z.number().int().min(1).max(1440),
  sessionIdleMinutes: z.number().int().min(1).max(480),
  sessionMaxHours: z.number().int().min(1).max(72),
  /** Audit records older than this are archived to a verifiable file; never below 2 years (Sichuan's minimum). */
  auditRetentionYears: z.number().int().min(2).max(50),
}).strict();
export type SecurityPolicy = z.infer<typeof securityPolicySchema>;

export const DEFAULT_SECURITY_POLICY: SecurityPolicy = Object.freeze({
  passwordMinLength: 8, passwordMinClasses: 3, passwordExpiryDays: 90, passwordHistory: 5,
  lockoutFailures: 5, lockoutMinutes: 15, sessionIdleMinutes: 30, sessionMaxHours: 12, auditRetentionYears: 5,
});

/** Sign-in, sessions and the first-start setup. */
export const authOps = {
  'auth/status': op({
    input: empty,
    output: z.object({ setupRequired: z.boolean(), user: signedInUserSchema.nullable() }),
    permission: 'session.self', mutates: false, summary: 'Whether the node is set up, and who is signed in',
  }),
  'auth/setup': op({
    input: z.object({ sysadmin: credentials, secadmin: credentials, auditor: credentials }).strict(),
    output: ok, permission: 'users.manage', mutates: true, summary: 'Create the three administrators of a new node',
  }),
  'auth/login': op({
    input: credentials.extend({
      /** For scripts: return the session token in the body instead of setting the console's cookie. */
      bearer: z.boolean().default(false),
    }).strict(),
    output: z.object({
      user: signedInUserSchema,
      expiresAt: z.string(),
      csrfToken: z.string(),
      token: z.string().optional(),
    }),
    permission: 'session.self', mutates: true, summary: 'Sign in',
  }),
  'auth/logout': op({ input: empty, output: ok, permission: 'session.self', mutates: true, summary: 'Sign out' }),
  'auth/whoami': op({ input: empty, output: signedInUserSchema, permission: 'session.self', mutates: false, summary: 'Who is signed in' }),
  'auth/changePassword': op({
    input: z.object({ current: passwordInput, next: passwordInput }).strict(),
    output: ok, permission: 'session.self', mutates: true, summary: 'Change my password',
  }),
} as const;

/** Operations served without a session: everything else needs one (401 UNAUTHENTICATED). */
export const ANONYMOUS_OPERATIONS: ReadonlySet<string> = new Set(['auth/status', 'auth/setup', 'auth/login']);
/** Operations an account that must change its password may still call. */
export const PASSWORD_CHANGE_OPERATIONS: ReadonlySet<string> = new Set(['auth/status', 'auth/whoami', 'auth/logout', 'auth/changePassword']);
