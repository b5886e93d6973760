import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';

// A node of its own, fresh, so the browser sees the first-start setup (the shared e2e node is set up already).
const PORT = Number(process.env.EXNODE_E2E_PORT ?? 7431) + 100;
const BASE = `http://127.0.0.1:${PORT}`;
let server: ChildProcess;
let dataDir = '';

test.beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'exnode-e2e-setup-'));
  server = spawn(process.execPath, ['scripts/serve.mjs', '--data-dir', dataDir, '--port', String(PORT)], { stdio: 'ignore' });
  for (let i = 0; i < 120; i++) {
    if (await fetch(`${BASE}/healthz`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the setup node did not start');
});
test.afterAll(async () => {
  server?.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1000));
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const ADMINS = { sysadmin: ['zhang-sys', 'Sys-Admin-2026'], secadmin: ['li-sec', 'Sec-Admin-2026'], auditor: ['wang-audit', 'Audit-Or-2026'] } as const;

test('setup of the three admins, sign-in, forced change for a new operator, roles on the menu, the auditor exports the log', async ({ browser }) => {
  const fresh = async () => (await browser.newContext({ baseURL: BASE, locale: 'zh-CN', acceptDownloads: true })).newPage();

  // First start: only the setup page is served.
  let page = await fresh();
  await page.goto('/');
  for (const [role, [name, password]] of Object.entries(ADMINS)) {
    await page.getByTestId(`setup-${role}-name`).fill(name);
    await page.getByTestId(`setup-${role}-password`).fill(password);
  }
  // One person may not hold two admin roles, and look-alike names are refused.
  await page.getByTestId('setup-auditor-name').fill('ＺＨＡＮＧ-sys');
  await page.getByTestId('setup-submit').click();
  await expect(page.getByTestId('setup-error')).toBeVisible();
  await page.getByTestId('setup-auditor-name').fill(ADMINS.auditor[0]);
  await page.getByTestId('setup-submit').click();
  await expect(page.getByTestId('login-submit')).toBeVisible();

  const signIn = async (name: string, password: string) => {
    await page.getByTestId('login-username').fill(name);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
  };
  await signIn('li-sec', 'wrong-Password-1');
  await expect(page.getByTestId('login-error')).toContainText('用户名或密码错误');
  await signIn(...ADMINS.secadmin);
  await expect(page.getByTestId('signed-in-user')).toContainText('li-sec');
  // The security administrator's menu: users, not connections, bridges or the audit log.
  await expect(page.getByRole('menuitem', { name: '用户' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: '审计日志' })).toHaveCount(0);
  await expect(page.getByRole('menuitem', { name: '数据源' })).toHaveCount(0);
  await page.goto('/#/users');
  await page.getByTestId('add-user').click();
  await page.getByTestId('new-username').fill("<script>alert('x')</script>");
  await page.getByTestId('new-password').fill('First-Pass-01');
  await page.getByTestId('add-user-ok').click();
  await expect(page.getByText('用户名只能由字母')).toBeVisible();
  await page.getByTestId('new-username').fill('zhao-op');
  await page.getByTestId('add-user-ok').click();
  await expect(page.getByRole('cell', { name: 'zhao-op' })).toBeVisible();
  await expect(page.getByText('待改密码')).toBeVisible();
  await page.getByTestId('sign-out').click();

  // The new operator must change the initial password first.
  await signIn('zhao-op', 'First-Pass-01');
  await page.getByTestId('change-current').fill('First-Pass-01');
  await page.getByTestId('change-next').fill('First-Pass-01');
  await page.getByTestId('change-confirm').fill('First-Pass-01');
  await page.getByTestId('change-submit').click();
  await expect(page.getByTestId('change-error')).toContainText('最近');
  await page.getByTestId('change-next').fill('Second-Pass-02');
  await page.getByTestId('change-confirm').fill('Second-Pass-02');
  await page.getByTestId('change-submit').click();
  await expect(page.getByTestId('signed-in-user')).toContainText('zhao-op');
  await expect(page.getByRole('menuitem', { name: '桥接任务' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: '用户' })).toHaveCount(0);
  await expect(page.getByRole('menuitem', { name: '审计日志' })).toHaveCount(0);
  // Typing the address does not open them either, and the engine refuses the operations regardless.
  await page.goto('/#/users');
  await expect(page.getByTestId('add-user')).toHaveCount(0);
  await page.goto('/#/audit');
  await expect(page.getByTestId('audit-table')).toHaveCount(0);
  const refused = await page.evaluate(async () => {
    const csrf = document.cookie.split('; ').find((c) => c.startsWith('exnode_csrf='))!.slice('exnode_csrf='.length);
    const res = await fetch('/api/ops/audit/list', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: '{}' });
    return res.status;
  });
  expect(refused).toBe(403);
  await page.screenshot({ path: 'test/output/e2e-results/security-operator.png' });
  await page.getByTestId('sign-out').click();

  // The auditor searches, verifies and exports the audit log.
  await page.context().close();
  page = await fresh();
  await page.goto('/');
  await signIn(...ADMINS.auditor);
  await page.goto('/#/audit');
  await expect(page.getByRole('cell', { name: 'users/add' }).first()).toBeVisible();
  await page.getByTestId('audit-operation').fill('auth/');
  await page.getByTestId('audit-search').click();
  await expect(page.getByRole('cell', { name: 'auth/login' }).first()).toBeVisible();
  await page.getByTestId('audit-verify').click();
  await expect(page.getByTestId('audit-verdict')).toContainText('审计日志完整');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export-csv').click()]);
  const text = fs.readFileSync(await csv.path(), 'utf8');
  expect(text).toContain('auth/login');
  expect(text).not.toContain('First-Pass-01');
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export-xlsx').click()]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  await page.screenshot({ path: 'test/output/e2e-results/security-audit.png' });
  await page.context().close();
});

test('sessions: the security administrator revokes an operator\'s session, the operator sees only its own; the sysadmin sets the SQLite directories', async ({ browser }) => {
  const fresh = async () => (await browser.newContext({ baseURL: BASE, locale: 'zh-CN' })).newPage();
  const signIn = async (page: Awaited<ReturnType<typeof fresh>>, name: string, password: string) => {
    await page.goto('/');
    await page.getByTestId('login-username').fill(name);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('signed-in-user')).toContainText(name);
  };
  const operator = await fresh();
  await signIn(operator, 'zhao-op', 'Second-Pass-02');
  const secadmin = await fresh();
  await signIn(secadmin, ...ADMINS.secadmin);
  await secadmin.getByRole('menuitem', { name: '会话' }).click();
  const all = secadmin.getByTestId('sessions-all');
  await expect(all.getByRole('cell', { name: 'zhao-op' })).toBeVisible();
  await expect(all.getByRole('cell', { name: '控制台' }).first()).toBeVisible();
  await expect(secadmin.getByTestId('all-current')).toBeVisible();
  await secadmin.screenshot({ path: 'test/output/e2e-results/security-sessions.png' });
  await all.getByTestId('all-end-zhao-op').click();
  await secadmin.getByRole('button', { name: /^(确\s*定|OK)$/ }).click();
  await expect(secadmin.getByText('会话已结束')).toBeVisible();
  await expect(all.getByRole('cell', { name: 'zhao-op' })).toHaveCount(0);

  // The revoked console is signed out at its next call.
  await operator.reload();
  await expect(operator.getByTestId('login-submit')).toBeVisible();
  await signIn(operator, 'zhao-op', 'Second-Pass-02');
  await operator.getByRole('menuitem', { name: '会话' }).click();
  await expect(operator.getByTestId('mine-current')).toBeVisible();
  await expect(operator.getByTestId('sessions-all')).toHaveCount(0);
  const listed = await operator.evaluate(async () => {
    const csrf = document.cookie.split('; ').find((c) => c.startsWith('exnode_csrf='))!.slice('exnode_csrf='.length);
    return (await fetch('/api/ops/sessions/list', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: '{}' })).status;
  });
  expect(listed).toBe(403);

  const sysadmin = await fresh();
  await signIn(sysadmin, ...ADMINS.sysadmin);
  await sysadmin.goto('/#/settings');
  const dirs = sysadmin.getByTestId('sqlite-dirs');
  await expect(dirs).toHaveValue(path.join(dataDir, 'files'));
  await dirs.fill('relative/dir');
  await sysadmin.getByTestId('sqlite-dirs-save').click();
  await expect(sysadmin.getByText('不是已存在目录的绝对路径')).toBeVisible();
  await dirs.fill(`${path.join(dataDir, 'files')}\n${os.tmpdir()}`);
  await sysadmin.getByTestId('sqlite-dirs-save').click();
  await expect(sysadmin.getByText('SQLite 文件目录已保存')).toBeVisible();
  for (const p of [operator, secadmin, sysadmin]) await p.context().close();
});
