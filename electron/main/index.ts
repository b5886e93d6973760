import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, ipcMain, Menu, Notification, safeStorage, shell, Tray, utilityProcess, nativeImage } from 'electron';
import { ENGINE_ENV, ENGINE_EXEC_ARGV } from '../engine/memory.js';

/**
 * The desktop shell, kept thin: it starts the engine in a utility process, shows the console in a
 * hardened window, and adds what only a desktop has (tray, notifications, OS keychain, single instance).
 */
const sessionSecret = crypto.randomBytes(32).toString('base64url');
let engineUrl: string | null = null;
let window: BrowserWindow | null = null;
let tray: Tray | null = null;
let quitting = false;

if (!app.requestSingleInstanceLock()) app.quit();

app.on('second-instance', () => showWindow());

function credentialKey(): string {
  const file = path.join(app.getPath('userData'), 'credential.key.enc');
  if (safeStorage.isEncryptionAvailable()) {
    if (fs.existsSync(file)) return safeStorage.decryptString(fs.readFileSync(file));
    const key = crypto.randomBytes(32).toString('base64');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, safeStorage.encryptString(key), { mode: 0o600 });
    return key;
  }
  return '';
}

function startEngine(): Promise<string> {
  const key = credentialKey();
  const child = utilityProcess.fork(path.join(__dirname, '..', 'engine-host.mjs'), [], {
    serviceName: 'ExNode engine',
    execArgv: [...ENGINE_EXEC_ARGV],
    env: {
      ...process.env,
      ...ENGINE_ENV,
      EXNODE_SESSION_SECRET: sessionSecret,
      EXNODE_DATA_DIR: process.env.EXNODE_DATA_DIR ?? path.join(app.getPath('userData'), 'data'),
      EXNODE_CONSOLE_DIR: path.join(__dirname, '..', '..', 'renderer'),
      ...(key ? { EXNODE_CREDENTIAL_KEY: key } : {}),
    },
  });
  app.on('before-quit', () => child.kill());
  return new Promise((resolve, reject) => {
    child.on('message', (message: { type: string; url?: string; message?: string; event?: { type: string; payload: { status?: string; bridgeName?: string } } }) => {
      if (message.type === 'ready' && message.url) resolve(message.url);
      if (message.type === 'failed') reject(new Error(message.message));
      if (message.type === 'event' && message.event?.type === 'run.updated') notifyRun(message.event.payload);
    });
    child.on('exit', (code) => reject(new Error(`The engine stopped (exit code ${code})`)));
  });
}

function notifyRun(run: { status?: string; bridgeName?: string }): void {
  if (run.status === 'failed' && Notification.isSupported()) {
    new Notification({ title: 'ExNode', body: `桥接任务 ${run.bridgeName ?? ''} 运行失败 / bridge run failed` }).show();
  }
}

function showWindow(): void {
  if (!engineUrl) return;
  if (window) {
    window.show();
    window.focus();
    return;
  }
  window = new BrowserWindow({
    width: 1360,
    height: 860,
    title: '前置交换节点 ExNode',
    webPreferences: {
      preload: path.join(__dirname, '..', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  const origin = new URL(engineUrl).origin;
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event, url) => {
    if (new URL(url).origin !== origin) event.preventDefault();
  });
  window.on('close', (event) => {
    // Closing the window keeps schedules running in the tray.
    if (!quitting) {
      event.preventDefault();
      window?.hide();
    }
  });
  window.on('closed', () => (window = null));
  void window.loadURL(engineUrl);
}

function createTray(): void {
  tray = new Tray(nativeImage.createFromPath(path.join(__dirname, '..', '..', '..', 'build', 'icon.png')));
  tray.setToolTip('前置交换节点 ExNode');
  tray.setContextMenu(Menu.buildFromTemplate([
    { label: '打开控制台 Open console', click: () => showWindow() },
    { type: 'separator' },
    { label: '退出 Quit', click: () => { quitting = true; app.quit(); } },
  ]));
  tray.on('click', () => showWindow());
}

ipcMain.on('exnode:session', (event) => {
  event.returnValue = { url: engineUrl, session: sessionSecret };
});

app.on('before-quit', () => (quitting = true));
app.on('window-all-closed', () => {
  /* stay in the tray */
});

void app.whenReady().then(async () => {
  app.setLoginItemSettings({ openAtLogin: process.env.EXNODE_OPEN_AT_LOGIN === '1' });
  try {
    engineUrl = await startEngine();
  } catch (error) {
    const { dialog } = await import('electron');
    dialog.showErrorBox('ExNode', `The engine could not start: ${(error as Error).message}`);
    app.quit();
    return;
  }
  createTray();
  showWindow();
});
