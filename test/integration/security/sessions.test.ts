import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../../electron/engine/engine.js';
import { anonymous } from '../../../electron/engine/actor.js';
import { AuthService } from '../../../electron/engine/auth/service.js';
import { tempDir } from '../../support/temp.js';
import { TEST_ADMINS } from '../../support/node-setup.js';
import { actorWith } from '../../support/actors.js';

/** Lockout, idle timeout, password policy and history, on a clock the test moves. */
describe('accounts and sessions over time', () => {
  const tmp = tempDir();
  let engine: Engine;
  let now = new Date('2026-06-01T08:00:00Z');
  let auth: AuthService;
  const cli = anonymous('cli');

  beforeAll(async () => {
    engine = await Engine.open({ dataDir: tmp.dir });
    await engine.call('auth/setup', TEST_ADMINS, cli);
    auth = new AuthService(engine.db, () => now);
  });
  afterAll(async () => {
    await engine.close();
    tmp.remove();
  });
  const minutes = (n: number) => (now = new Date(now.getTime() + n * 60_000));

  it('locks an account after 5 wrong passwords for 15 minutes, then lets it in', async () => {
    for (let i = 0; i < 5; i++) await expect(auth.login({ username: 'auditor', password: 'Wrong-pass-1' }, 'cli')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(auth.login(TEST_ADMINS.auditor, 'cli')).rejects.toMatchObject({ ref: { key: 'auth.locked' } });
    minutes(14);
    await expect(auth.login(TEST_ADMINS.auditor, 'cli')).rejects.toMatchObject({ ref: { key: 'auth.locked' } });
    minutes(2);
    await expect(auth.login(TEST_ADMINS.auditor, 'cli')).resolves.toMatchObject({ user: { name: 'auditor' } });
  });

  it('rate-limits sign-in attempts per account, whatever the password', async () => {
    const limited = new AuthService(engine.db, () => now);
    const attempts = [];
    for (let i = 0; i < 12; i++) attempts.push(await limited.login({ username: 'nobody-here', password: 'Wrong-pass-1' }, 'api', `10.0.0.${i}`).catch((e: { ref?: { key: string } }) => e.ref?.key));
    expect(attempts.slice(0, 10).every((k) => k === 'auth.badCredentials')).toBe(true);
    expect(attempts.slice(10)).toEqual(['auth.rateLimited', 'auth.rateLimited']);
  });

  it('ends a session after 30 idle minutes, not while it is used', async () => {
    const { token } = await auth.login(TEST_ADMINS.sysadmin, 'cli');
    minutes(25);
    await expect(auth.actorForToken(token, 'cli')).resolves.toMatchObject({ name: 'sysadmin' });
    minutes(25);
    await expect(auth.actorForToken(token, 'cli')).resolves.toMatchObject({ name: 'sysadmin' });
    minutes(31);
    await expect(auth.actorForToken(token, 'cli')).rejects.toMatchObject({ ref: { key: 'auth.sessionIdle' } });
  });

  it('applies the password policy and its history of 5', async () => {
    const { token } = await auth.login(TEST_ADMINS.secadmin, 'cli');
    const me = await auth.actorForToken(token, 'cli');
    const change = (current: string, next: string) => auth.changePassword(me, current, next);
    await expect(change(TEST_ADMINS.secadmin.password, 'Sh0rt!')).rejects.toMatchObject({ ref: { key: 'auth.passwordTooShort' } });
    await expect(change(TEST_ADMINS.secadmin.password, 'alllowercase1')).rejects.toMatchObject({ ref: { key: 'auth.passwordClasses' } });
    await expect(change('Not-my-pass-1', 'Brand-new-pw-1')).rejects.toMatchObject({ ref: { key: 'auth.currentPasswordWrong' } });
    let current = TEST_ADMINS.secadmin.password;
    for (let i = 2; i <= 5; i++) {
      await change(current, `Rotated-pw-${i}`);
      current = `Rotated-pw-${i}`;
    }
    await expect(change(current, TEST_ADMINS.secadmin.password)).rejects.toMatchObject({ ref: { key: 'auth.passwordReused' } });
    await change(current, 'Rotated-pw-6');
    await change('Rotated-pw-6', TEST_ADMINS.secadmin.password);
    const policy = await engine.call('security/setPolicy', { passwordMinLength: 12 }, actorWith('secadmin'));
    expect(policy.passwordMinLength).toBe(12);
    await expect(engine.call('security/setPolicy', { auditRetentionYears: 1 }, actorWith('secadmin'))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('refuses two admin roles on one account (三员分立), whoever asks', async () => {
    const policy = await auth.policy.get();
    await expect(auth.accounts.create('dual-admin', ['sysadmin', 'auditor'], 'Dual-admin-pw-1', policy)).rejects.toMatchObject({ code: 'FORBIDDEN', ref: { key: 'users.separation' } });
    await expect(auth.addAccount('new-sysadmin', 'sysadmin', 'Dual-admin-pw-1')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await auth.accounts.list()).some((a) => a.name.startsWith('dual') || a.name === 'new-sysadmin')).toBe(false);
  });

  it('gives the scheduler an account\'s current roles, and refuses a locked or removed account', async () => {
    await expect(auth.actorFor('sysadmin', 'schedule')).resolves.toMatchObject({ name: 'sysadmin', roles: ['sysadmin'], shell: 'schedule' });
    await auth.accounts.update('sysadmin', { locked: true });
    await expect(auth.actorFor('sysadmin', 'schedule')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await auth.accounts.update('sysadmin', { locked: false });
    await expect(auth.actorFor('nobody', 'schedule')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
