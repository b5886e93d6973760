import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ANONYMOUS_OPERATIONS, ExNodeError, msg, type Shell } from '../../shared/index.js';
import type { Engine } from '../engine/engine.js';
import { anonymous, type Actor } from '../engine/actor.js';

export const SESSION_COOKIE = 'exnode_session';
/** Readable by the console's script (not HttpOnly): it echoes the value in X-CSRF-Token; the engine checks it against the session. */
export const CSRF_COOKIE = 'exnode_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * The caller of an HTTP request, from its session: a bearer token (scripts, shell `api`) or the
 * console's HttpOnly cookie plus the CSRF token header on every call. Without either: anonymous,
 * which the engine serves only status, setup and sign-in.
 */
export async function actorOfRequest(
  engine: Engine, request: FastifyRequest, op: string, cookieShell: Shell,
  /** False for the event stream: a read (EventSource sends no headers); the SameSite=Strict cookie keeps other sites out. */
  csrfRequired = true,
): Promise<Actor> {
  const address = request.ip;
  const authorization = request.headers.authorization ?? '';
  const bearer = authorization.startsWith('Bearer ') ? authorization.slice(7).trim() : '';
  const cookie = request.cookies[SESSION_COOKIE] ?? '';
  const anonymousOk = ANONYMOUS_OPERATIONS.has(op);
  try {
    if (bearer) {
      const { csrf: _csrf, ...actor } = await engine.auth.actorForToken(bearer, 'api', address);
      return actor;
    }
    if (cookie) {
      const { csrf, ...actor } = await engine.auth.actorForToken(cookie, cookieShell, address);
      const given = String(request.headers[CSRF_HEADER] ?? '');
      if (csrfRequired && !safeEqual(given, csrf)) {
        if (anonymousOk) return anonymous(cookieShell, address);
        throw new ExNodeError('FORBIDDEN', msg('auth.csrf'));
      }
      return actor;
    }
  } catch (error) {
    if (anonymousOk) return anonymous(bearer ? 'api' : cookieShell, address);
    throw error;
  }
  const wantsBearer = (request.body as { bearer?: unknown } | undefined)?.bearer === true;
  return anonymous(bearer || wantsBearer ? 'api' : cookieShell, address);
}

/** Sets the console's cookies after a sign-in. */
export function setSessionCookies(reply: FastifyReply, token: string, csrf: string, expiresAt: string, secure: boolean): void {
  const expires = new Date(expiresAt);
  void reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', path: '/', secure, expires });
  void reply.setCookie(CSRF_COOKIE, csrf, { httpOnly: false, sameSite: 'strict', path: '/', secure, expires });
}

export function clearSessionCookies(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/' });
  void reply.clearCookie(CSRF_COOKIE, { path: '/' });
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}
