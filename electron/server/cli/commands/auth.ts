import { resolveDataDir } from '../../../engine/paths.js';
import type { RegisterCommands } from '../context.js';
import { removeCliToken, writeCliToken } from '../credentials.js';
import { passwordFrom } from '../prompt.js';

/** `exnode setup | login | logout | whoami | passwd`: the node's first start and the CLI's own session. */
export const registerAuth: RegisterCommands = (program, cli) => {
  program
    .command('setup')
    .description('create the three administrators of a new node (passwords from EXNODE_SYSADMIN_PASSWORD, EXNODE_SECADMIN_PASSWORD, EXNODE_AUDITOR_PASSWORD or prompted)')
    .requiredOption('--sysadmin <name>', 'system administrator (系统管理员)')
    .requiredOption('--secadmin <name>', 'security administrator (安全管理员)')
    .requiredOption('--auditor <name>', 'security auditor (安全审计员)')
    .action(async (cmd: { sysadmin: string; secadmin: string; auditor: string }) => cli.session(async (api) => {
      const sysadmin = { username: cmd.sysadmin, password: await passwordFrom('EXNODE_SYSADMIN_PASSWORD', `${cmd.sysadmin} password: `) };
      const secadmin = { username: cmd.secadmin, password: await passwordFrom('EXNODE_SECADMIN_PASSWORD', `${cmd.secadmin} password: `) };
      const auditor = { username: cmd.auditor, password: await passwordFrom('EXNODE_AUDITOR_PASSWORD', `${cmd.auditor} password: `) };
      await api.call('auth/setup', { sysadmin, secadmin, auditor });
      const names = { sysadmin: cmd.sysadmin.normalize('NFKC'), secadmin: cmd.secadmin.normalize('NFKC'), auditor: cmd.auditor.normalize('NFKC') };
      cli.emit({ ok: true, ...names }, () => process.stdout.write(`${cli.t('auth.setupDone', names)}\n`));
    }));

  program
    .command('login')
    .description('sign in; the token is kept in a file only your OS user can read (password from EXNODE_PASSWORD or prompted)')
    .requiredOption('--user <name>', 'account name')
    .action(async (cmd: { user: string }) => cli.session(async (api) => {
      const password = await passwordFrom('EXNODE_PASSWORD', `${cmd.user} password: `);
      const result = await api.call('auth/login', { username: cmd.user, password, bearer: true });
      writeCliToken(resolveDataDir(cli.opts().dataDir), result.token!);
      const roles = result.user.roles.join(', ');
      cli.emit({ user: result.user, expiresAt: result.expiresAt }, () => {
        process.stdout.write(`${cli.t('auth.loggedIn', { name: result.user.name, roles, expires: result.expiresAt })}\n`);
        if (result.user.mustChangePassword) process.stdout.write(`${cli.t('auth.mustChangePassword')}: exnode passwd\n`);
      });
    }));

  program.command('logout').description('sign out and delete the token file').action(async () => cli.session(async (api) => {
    try {
      await api.call('auth/logout', {});
    } finally {
      removeCliToken(resolveDataDir(cli.opts().dataDir));
    }
    cli.emit({ ok: true }, () => process.stdout.write(`${cli.t('auth.loggedOut')}\n`));
  }));

  program.command('whoami').description('the signed-in account and its roles').action(async () => cli.session(async (api) => {
    const me = await api.call('auth/whoami', {});
    cli.emit(me, () => process.stdout.write(`${me.name} (${me.roles.join(', ')})\n`));
  }));

  program
    .command('passwd')
    .description('change your password (EXNODE_PASSWORD and EXNODE_NEW_PASSWORD, or prompted)')
    .action(async () => cli.session(async (api) => {
      const current = await passwordFrom('EXNODE_PASSWORD', 'current password: ');
      const next = await passwordFrom('EXNODE_NEW_PASSWORD', 'new password: ');
      await api.call('auth/changePassword', { current, next });
      cli.emit({ ok: true }, () => process.stdout.write(`${cli.t('auth.passwordChanged')}\n`));
    }));
};
