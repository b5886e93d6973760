import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HARDENED_WEB_PREFERENCES, externalLinkAllowed, installHardening, windowWebPreferences } from '../../../electron/main/window-hardening.js';
import { restoreWindow } from '../../../electron/main/window-state.js';
import { RestartPolicy } from '../../../electron/main/restart-policy.js';
import { EngineSupervisor, type EngineProcess } from '../../../electron/main/engine-supervisor.js';
import { loadShellSettings, saveShellSettings, DEFAULT_SHELL_SETTINGS } from '../../../electron/main/shell-settings.js';
import { applicationMenu, trayMenu, type MenuItem } from '../../../electron/main/menus.js';
import { shellLanguage } from '../../../electron/main/texts.js';
import { DESKTOP_BRIDGE_SURFACE, SESSION_CHANNEL, buildDesktopBridge } from '../../../electron/preload/surface.js';
import { tempDir } from '../../support/temp.js';

describe('window hardening', () => {
  it('isolates the page: no Node, sandboxed, context isolation, no webview', () => {
    const prefs = windowWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs', contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false,
    });
    expect(Object.isFrozen(HARDENED_WEB_PREFERENCES)).toBe(true);
  });

  it('denies navigation away from the engine, new windows, webviews and every permission', () => {
    const contents = new EventEmitter() as EventEmitter & { openHandler?: (d: { url: string }) => { action: string } };
    const opened: string[] = [];
    let requestHandler: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | undefined;
    let checkHandler: ((c: unknown, p: string) => boolean) | undefined;
    installHardening(
      Object.assign(contents, { setWindowOpenHandler: (h: (d: { url: string }) => { action: 'deny' }) => (contents.openHandler = h) }),
      { setPermissionRequestHandler: (h) => (requestHandler = h), setPermissionCheckHandler: (h) => (checkHandler = h) },
      { appOrigin: 'http://127.0.0.1:41234/', allowList: ['https://www.gov.cn'], openExternal: (url) => opened.push(url) },
    );
    const navigate = (event: string, url: string) => {
      let prevented = false;
      contents.emit(event, { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(navigate('will-navigate', 'http://127.0.0.1:41234/#/bridges')).toBe(false);
    expect(navigate('will-navigate', 'http://127.0.0.1:9999/')).toBe(true);
    expect(navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate('will-redirect', 'https://evil.example/')).toBe(true);
    expect(navigate('will-navigate', 'https://www.gov.cn/zhengce/')).toBe(true);
    expect(contents.openHandler!({ url: 'https://evil.example/x' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'https://www.gov.cn/a' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'http://www.gov.cn/plain-http' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://www.gov.cn/zhengce/', 'https://www.gov.cn/a']);
    let webviewPrevented = false;
    contents.emit('will-attach-webview', { preventDefault: () => (webviewPrevented = true) });
    expect(webviewPrevented).toBe(true);
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      let granted: boolean | undefined;
      requestHandler!(null, permission, (g) => (granted = g));
      expect(granted, permission).toBe(false);
      expect(checkHandler!(null, permission)).toBe(false);
    }
  });

  it('opens only https links of the allow-list in the system browser', () => {
    expect(externalLinkAllowed('https://github.com/x', ['https://github.com'])).toBe(true);
    for (const url of ['http://github.com/x', 'https://github.com.evil.cn/', 'https://user:pw@github.com/', 'javascript:alert(1)', 'not a url']) {
      expect(externalLinkAllowed(url, ['https://github.com']), url).toBe(false);
    }
  });
});

describe('window size and position', () => {
  const screen = { x: 0, y: 0, width: 1920, height: 1040 };
  it('restores where the window was when that is on a screen', () => {
    expect(restoreWindow({ bounds: { x: 100, y: 80, width: 1200, height: 800 }, maximized: true }, [screen]))
      .toEqual({ bounds: { x: 100, y: 80, width: 1200, height: 800 }, maximized: true });
  });
  it('falls back to a default size when the screen it was on is gone, or the file is nonsense', () => {
    expect(restoreWindow({ bounds: { x: 2500, y: 100, width: 1200, height: 800 } }, [screen])).toEqual({ bounds: { width: 1360, height: 860 }, maximized: false });
    expect(restoreWindow({ bounds: { x: Number.NaN, y: 0, width: 10, height: 10 } }, [screen]).bounds).toEqual({ width: 1360, height: 860 });
    expect(restoreWindow(undefined, [{ x: 0, y: 0, width: 1366, height: 728 }]).bounds).toEqual({ width: 1360, height: 728 });
  });
  it('keeps the shell settings across launches and survives a damaged file', () => {
    const tmp = tempDir('exnode-shell-');
    const file = path.join(tmp.dir, 'shell.json');
    expect(loadShellSettings(file)).toEqual(DEFAULT_SHELL_SETTINGS);
    saveShellSettings(file, { openAtLogin: true, closeNoticeShown: true, window: { bounds: { x: 1, y: 2, width: 1100, height: 700 } } });
    expect(loadShellSettings(file)).toMatchObject({ openAtLogin: true, closeNoticeShown: true, window: { bounds: { x: 1 } } });
    fs.writeFileSync(file, '{"openAtLogin": tru');
    expect(loadShellSettings(file)).toEqual(DEFAULT_SHELL_SETTINGS);
    tmp.remove();
  });
});

describe('engine restart policy', () => {
  it('restarts with a growing delay and gives up after repeated deaths in a short time', () => {
    const policy = new RestartPolicy({ baseDelayMs: 1000, maxDelayMs: 8000, maxDeaths: 5, windowMs: 60_000 });
    expect([0, 1, 2, 3].map((i) => policy.onDeath(i * 1000))).toEqual([
      { action: 'restart', attempt: 1, delayMs: 1000 }, { action: 'restart', attempt: 2, delayMs: 2000 },
      { action: 'restart', attempt: 3, delayMs: 4000 }, { action: 'restart', attempt: 4, delayMs: 8000 },
    ]);
    expect(policy.onDeath(4000)).toEqual({ action: 'give-up', deaths: 5 });
    policy.reset();
    expect(policy.onDeath(5000)).toEqual({ action: 'restart', attempt: 1, delayMs: 1000 });
  });
  it('forgets deaths older than its window: an engine that dies once a day is always restarted', () => {
    const policy = new RestartPolicy({ maxDeaths: 3, windowMs: 60_000 });
    for (let day = 0; day < 10; day++) expect(policy.onDeath(day * 86_400_000).action).toBe('restart');
  });
});

class FakeEngine extends EventEmitter implements EngineProcess {
  killed = false;
  kill(): boolean {
    this.killed = true;
    setImmediate(() => this.emit('exit', 0));
    return true;
  }
}

describe('engine supervisor', () => {
  it('relays the engine address and events, restarts a dead engine, and gives up with its last log lines', () => {
    const forks: FakeEngine[] = [];
    const scheduled: { work: () => void; ms: number }[] = [];
    let now = 0;
    const supervisor = new EngineSupervisor({
      fork: () => { const e = new FakeEngine(); forks.push(e); return e; },
      policy: new RestartPolicy({ maxDeaths: 3, windowMs: 60_000 }),
      now: () => now,
      schedule: (work, ms) => { scheduled.push({ work, ms }); return { cancel: () => undefined }; },
      lastLogLines: () => ['line 1', 'ERROR out of memory'],
    });
    const seen: unknown[] = [];
    supervisor.on('ready', (url, restarted) => seen.push(['ready', url, restarted]));
    supervisor.on('event', (e) => seen.push(['event', e.type]));
    supervisor.on('restarting', (i) => seen.push(['restarting', i]));
    supervisor.on('gave-up', (i) => seen.push(['gave-up', i]));

    supervisor.start();
    forks[0]!.emit('message', { type: 'ready', url: 'http://127.0.0.1:1/' });
    forks[0]!.emit('message', { type: 'event', event: { type: 'run.updated', payload: {} } });
    forks[0]!.emit('exit', 134);
    expect(supervisor.running).toBe(false);
    expect(scheduled[0]!.ms).toBe(1000);
    scheduled[0]!.work();
    forks[1]!.emit('message', { type: 'ready', url: 'http://127.0.0.1:2/' });
    now = 1000;
    forks[1]!.emit('exit', 1);
    scheduled[1]!.work();
    forks[2]!.emit('message', { type: 'failed', message: 'database is locked' });
    now = 2000;
    forks[2]!.emit('exit', 1);
    expect(seen).toEqual([
      ['ready', 'http://127.0.0.1:1/', false], ['event', 'run.updated'],
      ['restarting', { code: 134, delayMs: 1000, attempt: 1 }], ['ready', 'http://127.0.0.1:2/', true],
      ['restarting', { code: 1, delayMs: 2000, attempt: 2 }],
      ['gave-up', { deaths: 3, lastLines: ['line 1', 'ERROR out of memory'], lastFailure: 'database is locked' }],
    ]);
    supervisor.retry();
    expect(forks).toHaveLength(4);
  });

  it('does not restart an engine it stopped itself', async () => {
    const forks: FakeEngine[] = [];
    const supervisor = new EngineSupervisor({ fork: () => { const e = new FakeEngine(); forks.push(e); return e; }, lastLogLines: () => [] });
    let restarts = 0;
    supervisor.on('restarting', () => restarts++);
    supervisor.start();
    await supervisor.stop();
    expect(forks[0]!.killed).toBe(true);
    expect(restarts).toBe(0);
    supervisor.start();
    expect(forks).toHaveLength(1);
  });
});

describe('menus in Chinese and English', () => {
  const labels = (items: MenuItem[]): string[] => items.flatMap((i) => [i.label ?? '', ...labels(i.submenu ?? [])]).filter(Boolean);
  const appActions = { closeWindow: () => undefined, quit: () => undefined, setOpenAtLogin: () => undefined, setLanguage: () => undefined, collectDiagnostics: () => undefined, openLogs: () => undefined, about: () => undefined };

  it('speaks Chinese by default and English when the system is English', () => {
    expect(shellLanguage('zh-CN')).toBe('zh-CN');
    expect(shellLanguage('fr-FR')).toBe('zh-CN');
    expect(shellLanguage('en-US')).toBe('en');
    expect(shellLanguage('en-US', 'zh-CN')).toBe('zh-CN');
    const zh = labels(applicationMenu({ lang: 'zh-CN', openAtLogin: false, isMac: false }, appActions));
    expect(zh).toEqual(expect.arrayContaining(['文件', '开机时自动启动', '退出前置交换节点', '关于前置交换节点', '收集诊断信息…']));
    for (const label of zh.filter((l) => l !== 'English')) expect(label, label).not.toMatch(/^[A-Za-z ]+$/);
    const en = labels(applicationMenu({ lang: 'en', openAtLogin: true, isMac: false }, appActions));
    expect(en).toEqual(expect.arrayContaining(['File', 'Start at login', 'Quit ExNode', 'About ExNode']));
  });

  it('tray menu: open, run a bridge, pause schedules, quit', () => {
    const calls: string[] = [];
    const items = trayMenu({ lang: 'zh-CN', state: 'ok', bridges: ['staff', 'orgs'], schedulesPaused: false, engineReady: true }, {
      open: () => calls.push('open'), runBridge: (n) => calls.push(`run ${n}`), setSchedulesPaused: (p) => calls.push(`paused ${p}`), quit: () => calls.push('quit'),
    });
    expect(items.filter((i) => i.id).map((i) => i.label)).toEqual(['打开控制台', '运行桥接任务', '暂停调度', '退出']);
    items.find((i) => i.id === 'run')!.submenu!.find((i) => i.label === 'orgs')!.click!();
    items.find((i) => i.id === 'pause')!.click!();
    items.find((i) => i.id === 'quit')!.click!();
    expect(calls).toEqual(['run orgs', 'paused true', 'quit']);
    const starting = trayMenu({ lang: 'en', state: 'starting', bridges: [], schedulesPaused: false, engineReady: false }, { open: () => undefined, runBridge: () => undefined, setSchedulesPaused: () => undefined, quit: () => undefined });
    expect(starting.find((i) => i.id === 'run')).toMatchObject({ enabled: false, submenu: [{ label: '(no bridges yet)', enabled: false }] });
  });
});

describe('preload surface', () => {
  it('exposes exactly the documented names: the engine address and the session secret', () => {
    const channels: string[] = [];
    const bridge = buildDesktopBridge({ sendSync: (channel) => { channels.push(channel); return { url: 'http://127.0.0.1:5/', session: 's3', extra: 'x' }; } });
    expect(Object.keys(bridge).sort()).toEqual([...DESKTOP_BRIDGE_SURFACE].sort());
    expect(bridge).toEqual({ desktop: true, engineUrl: 'http://127.0.0.1:5/', session: 's3' });
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(channels).toEqual([SESSION_CHANNEL]);
    for (const value of Object.values(bridge)) expect(typeof value).not.toBe('function');
  });

  it('the preload script exposes that one value and imports nothing else from Electron', () => {
    const source = fs.readFileSync(new URL('../../../electron/preload/index.ts', import.meta.url), 'utf8');
    expect(source.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(source).toMatch(/exposeInMainWorld\(DESKTOP_BRIDGE_KEY, buildDesktopBridge\(ipcRenderer\)\)/);
    expect(source).toMatch(/import \{ contextBridge, ipcRenderer \} from 'electron';/);
    expect(source).not.toMatch(/ipcRenderer\.(on|send|invoke)\b/);
  });
});
