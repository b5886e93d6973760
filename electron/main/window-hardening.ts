/**
 * The console window's defences, with the Electron objects they act on reduced to the few methods
 * used, so they are tested without Electron: the page gets no Node, runs sandboxed and isolated from
 * the preload, cannot navigate away from the engine's origin or open windows, gets no permission
 * (camera, notifications, geolocation...), and links go to the system browser only for an allow-list.
 */
export const HARDENED_WEB_PREFERENCES = Object.freeze({
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  spellcheck: false,
});

export function windowWebPreferences(preload: string) {
  return { ...HARDENED_WEB_PREFERENCES, preload };
}

/** Origins whose links the console may open in the system browser (documents of the sharing system). */
export const EXTERNAL_LINK_ORIGINS: readonly string[] = Object.freeze(['https://www.gov.cn', 'https://github.com']);

export function sameOrigin(url: string, origin: string): boolean {
  try {
    return new URL(url).origin === new URL(origin).origin;
  } catch {
    return false;
  }
}

export function externalLinkAllowed(url: string, allowList: readonly string[] = EXTERNAL_LINK_ORIGINS): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && allowList.includes(parsed.origin);
  } catch {
    return false;
  }
}

interface PreventableEvent {
  preventDefault(): void;
}

export interface HardenableContents {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(event: 'will-navigate' | 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
}

export interface HardenableSession {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
}

export interface HardeningOptions {
  /** The engine's address: the only origin the window may show. */
  readonly appOrigin: string;
  readonly allowList?: readonly string[];
  /** Opens a URL in the system browser (shell.openExternal). */
  readonly openExternal: (url: string) => void;
}

export function installHardening(contents: HardenableContents, session: HardenableSession, options: HardeningOptions): void {
  const external = (url: string) => {
    if (externalLinkAllowed(url, options.allowList)) options.openExternal(url);
  };
  contents.setWindowOpenHandler(({ url }) => {
    external(url);
    return { action: 'deny' };
  });
  const guard = (event: PreventableEvent, url: string) => {
    if (sameOrigin(url, options.appOrigin)) return;
    event.preventDefault();
    external(url);
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
