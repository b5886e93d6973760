import fs from 'node:fs';
import path from 'node:path';
import type { WindowState } from './window-state.js';

/** What the desktop shell remembers between launches (in its user-data folder, not the engine's state). */
export interface ShellSettings {
  readonly openAtLogin: boolean;
  /** The "closing keeps schedules running" notice was shown once. */
  readonly closeNoticeShown: boolean;
  readonly window: WindowState;
  /** Language chosen in the menu; absent: from the system locale. */
  readonly lang?: 'zh-CN' | 'en';
}

export const DEFAULT_SHELL_SETTINGS: ShellSettings = Object.freeze({ openAtLogin: false, closeNoticeShown: false, window: {} });

/** Reads the settings; a missing or damaged file gives the defaults (never a launch that fails). */
export function loadShellSettings(file: string): ShellSettings {
  try {
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<ShellSettings>;
    return {
      openAtLogin: raw.openAtLogin === true,
      closeNoticeShown: raw.closeNoticeShown === true,
      window: raw.window && typeof raw.window === 'object' ? raw.window : {},
      ...(raw.lang === 'zh-CN' || raw.lang === 'en' ? { lang: raw.lang } : {}),
    };
  } catch {
    return DEFAULT_SHELL_SETTINGS;
  }
}

/** Writes atomically: a crash while saving leaves the old file, not half a new one. */
export function saveShellSettings(file: string, settings: ShellSettings): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(temp, file);
}
