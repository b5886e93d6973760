import { z } from 'zod';
import { ROLES } from '../permissions.js';
import { SHELLS } from './auth.js';
import { op } from './define.js';

const empty = z.object({}).strict();

/** An open session as the console lists it: never its token, only a short handle derived from it. */
export const sessionViewSchema = z.object({
  id: z.string(),
  user: z.string(),
  roles: z.array(z.enum(ROLES)),
  shell: z.enum(SHELLS),
  address: z.string().nullable(),
  startedAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  /** The session this call came through. */
  current: z.boolean(),
});
export type SessionView = z.infer<typeof sessionViewSchema>;

const sessionId = z.object({ id: z.string().regex(/^[0-9a-f]{16}$/, '会话编号为 16 位十六进制') }).strict();
const sqliteDirs = z.object({ dirs: z.array(z.string().min(1).max(1024)).max(32) });

/** Open sessions (each account its own, the security administrator all) and where SQLite files may live. */
export const securityOps = {
  'sessions/mine': op({ input: empty, output: z.array(sessionViewSchema), permission: 'session.self', mutates: false, summary: 'My open sessions' }),
  'sessions/end': op({ input: sessionId, output: z.object({ ok: z.literal(true) }), permission: 'session.self', mutates: true, summary: 'End one of my sessions' }),
  'sessions/list': op({ input: empty, output: z.array(sessionViewSchema), permission: 'users.manage', mutates: false, summary: 'Every open session' }),
  'sessions/revoke': op({ input: sessionId, output: z.object({ ok: z.literal(true) }), permission: 'users.manage', mutates: true, summary: 'End any open session' }),
  'files/sqliteDirs': op({ input: empty, output: sqliteDirs, permission: 'files.configure', mutates: false, summary: 'Directories SQLite connections may use' }),
  'files/setSqliteDirs': op({ input: sqliteDirs.strict(), output: sqliteDirs, permission: 'files.configure', mutates: true, summary: 'Change the directories SQLite connections may use' }),
} as const;
