import type { Lang } from '../../shared/index.js';
import { textsFor } from './texts.js';
import type { TrayState } from './tray-state.js';

/**
 * The tray menu and the application menu as plain data (Electron's MenuItemConstructorOptions
 * subset), built in the shell's language; index.ts hands them to Menu.buildFromTemplate.
 */
export interface MenuItem {
  readonly id?: string;
  readonly label?: string;
  readonly type?: 'normal' | 'separator' | 'submenu' | 'checkbox' | 'radio';
  readonly role?: string;
  readonly accelerator?: string;
  readonly enabled?: boolean;
  readonly checked?: boolean;
  readonly submenu?: MenuItem[];
  readonly click?: () => void;
}

export interface TrayMenuModel {
  readonly lang: Lang;
  readonly state: TrayState | 'starting';
  readonly bridges: readonly string[];
  readonly schedulesPaused: boolean;
  readonly engineReady: boolean;
}

export interface TrayActions {
  open(): void;
  runBridge(name: string): void;
  setSchedulesPaused(paused: boolean): void;
  quit(): void;
}

export function trayTooltip(lang: Lang, state: TrayState | 'starting', running: number): string {
  const t = textsFor(lang);
  if (state === 'running') return t('shell.tray.running', { count: running });
  return t(`shell.tray.${state}`);
}

export function trayMenu(model: TrayMenuModel, actions: TrayActions): MenuItem[] {
  const t = textsFor(model.lang);
  const bridges: MenuItem[] = model.bridges.length === 0
    ? [{ id: 'no-bridges', label: t('shell.tray.noBridges'), enabled: false }]
    : model.bridges.map((name) => ({ id: `run:${name}`, label: name, click: () => actions.runBridge(name) }));
  return [
    { id: 'open', label: t('shell.tray.open'), click: actions.open },
    { type: 'separator' },
    { id: 'run', label: t('shell.tray.runBridge'), enabled: model.engineReady, submenu: bridges },
    {
      id: 'pause', label: t('shell.tray.pauseSchedules'), type: 'checkbox', checked: model.schedulesPaused, enabled: model.engineReady,
      click: () => actions.setSchedulesPaused(!model.schedulesPaused),
    },
    { type: 'separator' },
    { id: 'quit', label: t('shell.tray.quit'), click: actions.quit },
  ];
}

export interface AppMenuModel {
  readonly lang: Lang;
  readonly openAtLogin: boolean;
  readonly isMac: boolean;
}

export interface AppMenuActions {
  closeWindow(): void;
  quit(): void;
  setOpenAtLogin(enabled: boolean): void;
  setLanguage(lang: Lang): void;
  collectDiagnostics(): void;
  openLogs(): void;
  about(): void;
}

export function applicationMenu(model: AppMenuModel, actions: AppMenuActions): MenuItem[] {
  const t = textsFor(model.lang);
  return [
    {
      id: 'file', label: t('shell.menu.file'), submenu: [
        { id: 'open-at-login', label: t('shell.menu.openAtLogin'), type: 'checkbox', checked: model.openAtLogin, click: () => actions.setOpenAtLogin(!model.openAtLogin) },
        {
          id: 'language', label: t('shell.menu.language'), submenu: [
            { id: 'lang:zh-CN', label: '简体中文', type: 'radio', checked: model.lang === 'zh-CN', click: () => actions.setLanguage('zh-CN') },
            { id: 'lang:en', label: 'English', type: 'radio', checked: model.lang === 'en', click: () => actions.setLanguage('en') },
          ],
        },
        { type: 'separator' },
        { id: 'close', label: t('shell.menu.closeWindow'), accelerator: 'CmdOrCtrl+W', click: actions.closeWindow },
        { id: 'quit', label: t('shell.menu.quit'), accelerator: 'CmdOrCtrl+Q', click: actions.quit },
      ],
    },
    {
      id: 'edit', label: t('shell.menu.edit'), submenu: [
        { role: 'undo', label: t('shell.menu.undo') }, { role: 'redo', label: t('shell.menu.redo') }, { type: 'separator' },
        { role: 'cut', label: t('shell.menu.cut') }, { role: 'copy', label: t('shell.menu.copy') }, { role: 'paste', label: t('shell.menu.paste') },
        { role: 'selectAll', label: t('shell.menu.selectAll') },
      ],
    },
    {
      id: 'view', label: t('shell.menu.view'), submenu: [
        { role: 'reload', label: t('shell.menu.reload') }, { type: 'separator' },
        { role: 'resetZoom', label: t('shell.menu.resetZoom') }, { role: 'zoomIn', label: t('shell.menu.zoomIn') },
        { role: 'zoomOut', label: t('shell.menu.zoomOut') }, { type: 'separator' },
        { role: 'togglefullscreen', label: t('shell.menu.fullscreen') },
      ],
    },
    { id: 'window', label: t('shell.menu.window'), submenu: [{ role: 'minimize', label: t('shell.menu.minimize') }] },
    {
      id: 'help', label: t('shell.menu.help'), submenu: [
        { id: 'diagnostics', label: t('shell.menu.collectDiagnostics'), click: actions.collectDiagnostics },
        { id: 'logs', label: t('shell.menu.openLogs'), click: actions.openLogs },
        { type: 'separator' },
        { id: 'about', label: t('shell.menu.about'), click: actions.about },
      ],
    },
  ];
}
