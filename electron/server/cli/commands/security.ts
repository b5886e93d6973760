import path from 'node:path';
import type { SessionView } from '../../../../shared/index.js';
import { formatLocalTime } from '../../../../shared/time.js';
import type { CliApi, RegisterCommands } from '../context.js';

/**
 * `exnode session ...`: open sessions (each account its own; the security administrator every one),
 * and `exnode files ...`: the directories SQLite connections may use (the system administrator's setting).
 */
export const registerSecurity: RegisterCommands = (program, cli) => {
  const session = program.command('session').description('open sessions: yours, or every one for the security administrator');
  session
    .command('list')
    .description('open sessions (user, role, shell, address, started, last seen)')
    .option('--all', 'every account\'s sessions (security administrator)')
    .action(async (cmd: { all?: boolean }) => cli.session(async (api) => {
      const list = await api.call(cmd.all ? 'sessions/list' : 'sessions/mine', {});
      cli.emit(list, () => printSessions(list, cli.t('security.noSessions')));
    }));
  session.command('end <id>').description('end one of your own sessions').action(async (id: string) => cli.session(async (api) => {
    const result = await api.call('sessions/end', { id });
    cli.emit(result, () => process.stdout.write(`${cli.t('security.sessionEnded', { id })}\n`));
  }));
  session.command('revoke <id>').description('end any open session (security administrator)').action(async (id: string) => cli.session(async (api) => {
    const result = await api.call('sessions/revoke', { id });
    cli.emit(result, () => process.stdout.write(`${cli.t('security.sessionEnded', { id })}\n`));
  }));

  const files = program.command('files').description('directories SQLite connections may use (system administrator)');
  const show = (dirs: readonly string[]) => {
    process.stdout.write(`${cli.t('security.sqliteDirsNow')}\n`);
    for (const dir of dirs) process.stdout.write(`  ${dir}\n`);
  };
  const change = (next: (dirs: string[]) => string[]) => async (api: CliApi) => {
    const { dirs } = await api.call('files/sqliteDirs', {});
    const result = await api.call('files/setSqliteDirs', { dirs: next(dirs) });
    cli.emit(result, () => show(result.dirs));
  };
  files.command('list').description('the allowed directories').action(async () => cli.session(async (api) => {
    const result = await api.call('files/sqliteDirs', {});
    cli.emit(result, () => show(result.dirs));
  }));
  files.command('allow <dir>').description('allow SQLite files under a directory').action(async (dir: string) =>
    cli.session(change((dirs) => [...dirs, path.resolve(dir)])));
  files.command('disallow <dir>').description('stop allowing a directory (saved connections under it are refused at use)').action(async (dir: string) =>
    cli.session(change((dirs) => dirs.filter((d) => d !== path.resolve(dir)))));
  files.command('set <dirs...>').description('replace the allowed directories').action(async (dirs: string[]) =>
    cli.session(change(() => dirs.map((d) => path.resolve(d)))));
};

function printSessions(list: readonly SessionView[], none: string): void {
  if (list.length === 0) process.stdout.write(`${none}\n`);
  for (const s of list) {
    process.stdout.write(`${s.current ? '*' : ' '} ${s.id}  ${s.user.padEnd(16)} ${s.roles.join(',').padEnd(10)} ${s.shell.padEnd(8)} ${(s.address ?? '-').padEnd(16)} ${formatLocalTime(s.startedAt)}  ${formatLocalTime(s.lastSeenAt)}\n`);
  }
}
