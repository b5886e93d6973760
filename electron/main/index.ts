import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  app, BrowserWindow, dialog, ipcMain, Menu, Notification, safeStorage, screen, session, shell, Tray, utilityProcess, nativeImage,
  type MenuItemConstructorOptions,
} from 'electron';
import type { Lang } from '../../shared/index.js';
import { ENGINE_ENV, ENGINE_EXEC_ARGV } from '../engine/memory.js';
import { logsDir, openLogFile } from '../engine/logs/log-file.js';
import { tailLines } from '../engine/logs/tail.js';
import { SESSION_CHANNEL } from '../preload/surface.js';
import { EngineSupervisor } from './engine-supervisor.js';
import { type ShellCredentials, engineApi } from './engine-api.js';
import { INITIAL_NODE_STATE, type NodeState, activeRunIds, reduceNodeState, trayStateOf } from './tray-state.js';
import { decideQuit, stopRuns } from './quit-policy.js';
import { decideClose } from './close-policy.js';
import { notificationFor } from './notifications.js';
import { windowWebPreferences, installHardening } from './window-hardening.js';
import { MIN_SIZE, restoreWindow } from './window-state.js';
import { loadShellSettings, saveShellSettings, type ShellSettings } from './shell-settings.js';
import { applicationMenu, trayMenu, trayTooltip, type MenuItem } from './menus.js';
import { shellLanguage, textsFor } from './texts.js';

/**
 * The desktop shell: starts the engine in a utility process and keeps it running (engine-supervisor),
 * shows the console in a hardened window, and adds what only a desktop has: tray with the node's state,
 * notifications, OS keychain, start at login, single instance. Decisions live in small modules beside
 * this file (tested without Electron); this file only connects them to Electron.
 */
const sessionSecret = crypto.randomBytes(32).toString('base64url');
const root = path.join(__dirname, '..', '..', '..');
const dataDir = process.env.EXNODE_DATA_DIR ?? path.join(app.getPath('userData'), 'data');
const settingsFile = path.join(app.getPath('userData'), 'shell.json');
const shellLog = openLogFile(logsDir(dataDir), 'shell');
let settings: ShellSettings = loadShellSettings(settingsFile);
let lang: Lang = 'zh-CN';
let t = textsFor(lang);
let window: BrowserWindow | null = null;
let tray: Tray | null = null;
let nodeState: NodeState = INITIAL_NODE_STATE;
let bridges: string[] = [];
let schedulesPaused = false;
let quitting = false;

if (!app.requestSingleInstanceLock()) app.quit();
app.on('second-instance', () => showWindow());

function updateSettings(patch: Partial<ShellSettings>): void {
  settings = { ...settings, ...patch };
  try {
    saveShellSettings(settingsFile, settings);
  } catch (error) {
    shellLog.write('warn', `Could not save the shell settings: ${(error as Error).message}`);
  }
}

function credentialKey(): string {
  const file = path.join(app.getPath('userData'), 'credential.key.enc');
  if (!safeStorage.isEncryptionAvailable()) return '';
  if (fs.existsSync(file)) return safeStorage.decryptString(fs.readFileSync(file));
  const key = crypto.randomBytes(32).toString('base64');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, safeStorage.encryptString(key), { mode: 0o600 });
  return key;
}

function forkEngine() {
  const key = credentialKey();
  return utilityProcess.fork(path.join(__dirname, '..', 'engine-host.mjs'), [], {
    serviceName: 'ExNode engine',
    execArgv: [...ENGINE_EXEC_ARGV],
    env: {
      ...process.env,
      ...ENGINE_ENV,
      EXNODE_SESSION_SECRET: sessionSecret,
      EXNODE_DATA_DIR: dataDir,
      EXNODE_CONSOLE_DIR: path.join(__dirname, '..', '..', 'renderer'),
      ...(key ? { EXNODE_CREDENTIAL_KEY: key } : {}),
    },
  });
}

const engineLogFile = path.join(logsDir(dataDir), 'engine.log');
const supervisor = new EngineSupervisor({ fork: forkEngine, lastLogLines: () => tailLines(engineLogFile, 40) });
const api = engineApi(() => supervisor.url, sessionSecret, windowCredentials);

/** The window user's console session (its cookies): the tray acts as that user, or asks to sign in. */
async function windowCredentials(): Promise<ShellCredentials | null> {
  const url = supervisor.url;
  if (!url) return null;
  const cookies = await session.defaultSession.cookies.get({ url });
  const sessionCookie = cookies.find((c) => c.name === 'exnode_session')?.value;
  const csrf = cookies.find((c) => c.name === 'exnode_csrf')?.value;
  return sessionCookie && csrf ? { sessionCookie, csrf } : null;
}

function notify(body: string): void {
  if (Notification.isSupported()) new Notification({ title: t('shell.productName'), body }).show();
}

supervisor.on('ready', (url, restarted) => {
  shellLog.write('info', restarted ? 'Engine restarted' : 'Engine ready', { url });
  if (restarted) {
    notify(t('shell.engine.restarted'));
    if (window) void window.loadURL(url);
  }
  nodeState = INITIAL_NODE_STATE;
  void refreshBridges();
  refreshTray();
});
supervisor.on('event', (event) => {
  nodeState = reduceNodeState(nodeState, event);
  const note = notificationFor(event, lang);
  if (note && Notification.isSupported()) new Notification(note).show();
  if (event.type === 'bridges.changed') void refreshBridges();
  refreshTray();
});
supervisor.on('restarting', ({ code, delayMs, attempt }) => {
  const text = t('shell.engine.restarting', { code: String(code ?? '-'), seconds: Math.round(delayMs / 1000), attempt });
  shellLog.write('warn', text);
  notify(text);
  nodeState = INITIAL_NODE_STATE;
  refreshTray();
});
supervisor.on('gave-up', ({ deaths, lastLines, lastFailure }) => {
  shellLog.write('error', `The engine died ${deaths} times; automatic restarts stopped`, { lastFailure });
  refreshTray();
  const detail = [...(lastFailure ? [lastFailure, ''] : []), ...lastLines].join('\n');
  void dialog.showMessageBox({
    type: 'error', title: t('shell.engine.gaveUp.title'), message: t('shell.engine.gaveUp.body', { deaths, file: engineLogFile }),
    detail, buttons: [t('shell.engine.retry'), t('shell.menu.quit')], defaultId: 0, cancelId: 1, noLink: true,
  }).then(({ response }) => (response === 0 ? supervisor.retry() : app.quit()));
});

async function refreshBridges(): Promise<void> {
  try {
    bridges = (await api.call<{ name: string }[]>('bridges/list')).map((b) => b.name);
  } catch {
    bridges = [];
  }
  refreshTray();
}

function icon(state: string) {
  const dir = app.isPackaged ? path.join(process.resourcesPath, 'tray') : path.join(root, 'build', 'tray');
  return nativeImage.createFromPath(path.join(dir, `${state}.png`));
}

const asTemplate = (items: MenuItem[]): MenuItemConstructorOptions[] => items as MenuItemConstructorOptions[];

function refreshTray(): void {
  if (!tray) return;
  const state = supervisor.url ? trayStateOf(nodeState) : 'starting';
  tray.setImage(icon(state === 'starting' ? 'ok' : state));
  tray.setToolTip(trayTooltip(lang, state, activeRunIds(nodeState).length));
  tray.setContextMenu(Menu.buildFromTemplate(asTemplate(trayMenu(
    { lang, state, bridges, schedulesPaused, engineReady: supervisor.url !== null },
    {
      open: () => showWindow(),
      runBridge: (name) => void api.call('bridges/run', { name }).then(() => notify(t('shell.runStarted', { bridge: name })), actionFailed),
      setSchedulesPaused: (paused) => void api.call(paused ? 'schedules/pause' : 'schedules/resume').then(() => {
        schedulesPaused = paused;
        refreshTray();
      }, actionFailed),
      quit: () => app.quit(),
    },
  ))));
}

function actionFailed(error: unknown): void {
  notify(t('shell.actionFailed', { detail: (error as Error).message }));
}

function refreshAppMenu(): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(asTemplate(applicationMenu(
    { lang, openAtLogin: settings.openAtLogin, isMac: process.platform === 'darwin' },
    {
      closeWindow: () => window?.close(),
      quit: () => app.quit(),
      setOpenAtLogin: (enabled) => {
        updateSettings({ openAtLogin: enabled });
        app.setLoginItemSettings({ openAtLogin: enabled });
        refreshAppMenu();
      },
      setLanguage: (next) => {
        updateSettings({ lang: next });
        setLanguage(next);
      },
      collectDiagnostics: () => void collectDiagnostics(),
      openLogs: () => void shell.openPath(logsDir(dataDir)),
      about: () => void about(),
    },
  ))));
}

function setLanguage(next: Lang): void {
  lang = next;
  t = textsFor(lang);
  refreshAppMenu();
  refreshTray();
}

async function collectDiagnostics(): Promise<void> {
  try {
    const bundle = await api.call<{ filename: string; zipBase64: string }>('diagnostics/collect');
    const target = await dialog.showSaveDialog({ defaultPath: path.join(app.getPath('documents'), bundle.filename), filters: [{ name: 'Zip', extensions: ['zip'] }] });
    if (target.canceled || !target.filePath) return;
    fs.writeFileSync(target.filePath, Buffer.from(bundle.zipBase64, 'base64'), { mode: 0o600 });
    notify(t('shell.diagnostics.saved', { file: target.filePath }));
  } catch (error) {
    dialog.showErrorBox(t('shell.productName'), t('shell.diagnostics.failed', { detail: (error as Error).message }));
  }
}

async function about(): Promise<void> {
  const pkg = JSON.parse(fs.readFileSync(path.join(app.getAppPath(), 'package.json'), 'utf8')) as { license?: string };
  await dialog.showMessageBox({
    type: 'info', title: t('shell.menu.about'), message: `${t('shell.productName')} ExNode`,
    detail: t('shell.about.detail', {
      version: app.getVersion(), electron: process.versions.electron ?? '-', chrome: process.versions.chrome ?? '-',
      node: process.versions.node, dataDir, license: pkg.license ?? '-',
    }),
    buttons: ['OK'], noLink: true,
  });
}

function showWindow(): void {
  const url = supervisor.url;
  if (!url) return;
  if (window) {
    window.show();
    window.focus();
    return;
  }
  const placed = restoreWindow(settings.window, screen.getAllDisplays().map((d) => d.workArea));
  window = new BrowserWindow({
    ...placed.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: `${t('shell.productName')} ExNode`,
    show: false,
    webPreferences: windowWebPreferences(path.join(__dirname, '..', 'preload', 'index.cjs')),
  });
  if (placed.maximized) window.maximize();
  installHardening(window.webContents, window.webContents.session, {
    appOrigin: url,
    openExternal: (link) => void shell.openExternal(link),
  });
  window.once('ready-to-show', () => window?.show());
  const remember = () => {
    if (!window || window.isMinimized()) return;
    updateSettings({ window: { bounds: window.isMaximized() ? settings.window.bounds : window.getBounds(), maximized: window.isMaximized() } });
  };
  window.on('resized', remember);
  window.on('moved', remember);
  window.on('close', (event) => {
    remember();
    const decision = decideClose({ quitting, closeNoticeShown: settings.closeNoticeShown });
    if (!decision.hide) return;
    event.preventDefault();
    window?.hide();
    if (decision.showNotice) {
      updateSettings({ closeNoticeShown: true });
      void dialog.showMessageBox({ type: 'info', title: t('shell.closeNotice.title'), message: t('shell.closeNotice.title'), detail: t('shell.closeNotice.body'), buttons: ['OK'], noLink: true });
    }
  });
  window.on('closed', () => (window = null));
  void window.loadURL(url);
}

ipcMain.on(SESSION_CHANNEL, (event) => {
  event.returnValue = { url: supervisor.url, session: sessionSecret };
});

let quitConfirmed = false;
app.on('before-quit', (event) => {
  if (quitConfirmed) return;
  event.preventDefault();
  void (async () => {
    const decision = decideQuit(supervisor.url ? activeRunIds(nodeState) : []);
    if (decision.action === 'ask') {
      const { response } = await dialog.showMessageBox({
        type: 'question', title: t('shell.quit.title'), message: t('shell.quit.title'),
        detail: t('shell.quit.message', { count: decision.runIds.length }),
        buttons: [t('shell.quit.keep'), t('shell.quit.stopAndQuit')], defaultId: 0, cancelId: 0, noLink: true,
      });
      if (response !== 1) return;
      const left = await stopRuns(decision.runIds, {
        cancel: async (id) => void (await api.call('runs/cancel', { id })),
        isActive: async (id) => ['queued', 'running'].includes((await api.call<{ status: string }>('runs/get', { id })).status),
      });
      if (left.length > 0) shellLog.write('warn', 'Runs still active at quit; they resume from their checkpoint', { runs: left });
    }
    quitting = true;
    await supervisor.stop();
    shellLog.write('info', 'Desktop shell quit');
    await shellLog.close();
    quitConfirmed = true;
    app.quit();
  })();
});
app.on('window-all-closed', () => {
  /* stay in the tray */
});

// Read-only probes for the Playwright `_electron` test (test/e2e/desktop-app.spec.ts), off unless asked for.
if (process.env.EXNODE_SHELL_TEST_HOOKS === '1') {
  Object.assign(globalThis, {
    exnodeShell: {
      trayState: () => (supervisor.url ? trayStateOf(nodeState) : 'starting'),
      tooltip: () => (supervisor.url ? trayTooltip(lang, trayStateOf(nodeState), activeRunIds(nodeState).length) : ''),
      engineUrl: () => supervisor.url,
      enginePid: () => supervisor.pid,
    },
  });
}

void app.whenReady().then(() => {
  lang = shellLanguage(app.getLocale(), settings.lang);
  t = textsFor(lang);
  shellLog.write('info', `Desktop shell started: version ${app.getVersion()}, Electron ${process.versions.electron}`);
  app.setAboutPanelOptions({ applicationName: t('shell.productName'), applicationVersion: app.getVersion() });
  if (app.getLoginItemSettings().openAtLogin !== settings.openAtLogin) app.setLoginItemSettings({ openAtLogin: settings.openAtLogin });
  refreshAppMenu();
  tray = new Tray(icon('ok'));
  tray.on('click', () => showWindow());
  refreshTray();
  supervisor.once('ready', () => showWindow());
  supervisor.start();
});
