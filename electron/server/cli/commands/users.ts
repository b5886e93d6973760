import type { AccountView } from '../../../../shared/index.js';
import type { RegisterCommands } from '../context.js';
import { passwordFrom } from '../prompt.js';

/** `exnode user ...`: the security administrator's account work. */
export const registerUsers: RegisterCommands = (program, cli) => {
  const user = program.command('user').description('accounts (security administrator)');
  user.command('list').description('accounts, roles, lock state and sessions').action(async () => cli.session(async (api) => {
    const list = await api.call('users/list', {});
    cli.emit(list, () => list.forEach(printAccount));
  }));
  user
    .command('add <name>')
    .description('create an operator or viewer account (password from EXNODE_NEW_PASSWORD or prompted; changed at first sign-in)')
    .requiredOption('--role <role>', 'operator or viewer')
    .action(async (name: string, cmd: { role: string }) => cli.session(async (api) => {
      const password = await passwordFrom('EXNODE_NEW_PASSWORD', `${name} initial password: `);
      const view = await api.call('users/add', { username: name, role: cmd.role as 'operator', password });
      cli.emit(view, () => process.stdout.write(`${cli.t('users.added', { name: view.name, role: cmd.role })}\n`));
    }));
  user
    .command('reset <name>')
    .description('set a new password, to be changed at next sign-in (EXNODE_NEW_PASSWORD or prompted)')
    .action(async (name: string) => cli.session(async (api) => {
      const password = await passwordFrom('EXNODE_NEW_PASSWORD', `${name} new password: `);
      await api.call('users/reset', { username: name, password });
      cli.emit({ ok: true }, () => process.stdout.write(`${cli.t('users.done', { name, action: 'reset' })}\n`));
    }));
  for (const [verb, op, text] of [
    ['lock', 'users/lock', 'lock the account and end its sessions'],
    ['unlock', 'users/unlock', 'unlock the account'],
    ['revoke', 'users/revokeSessions', 'end every session of the account'],
    ['remove', 'users/remove', 'remove the account'],
  ] as const) {
    user.command(`${verb} <name>`).description(text).action(async (name: string) => cli.session(async (api) => {
      const result = await api.call(op, { username: name });
      cli.emit(result, () => process.stdout.write(`${cli.t('users.done', { name, action: verb })}\n`));
    }));
  }
};

function printAccount(a: AccountView): void {
  const state = [a.locked ? 'locked' : 'active', a.mustChangePassword ? 'must-change-password' : '', `${a.activeSessions} session(s)`].filter(Boolean).join(', ');
  process.stdout.write(`${a.name.padEnd(20)} ${a.roles.join(',').padEnd(10)} ${state}\n`);
}
