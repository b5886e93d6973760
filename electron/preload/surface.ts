/**
 * What the console page gets from the desktop shell, and nothing more (contextBridge copies it into
 * the page as `window.exnode`): the engine's address and this launch's session secret. No Node, no
 * generic IPC; a test pins these names, so widening the surface is a deliberate, reviewed change.
 */
export const SESSION_CHANNEL = 'exnode:session';
export const DESKTOP_BRIDGE_KEY = 'exnode';
export const DESKTOP_BRIDGE_SURFACE = ['desktop', 'engineUrl', 'session'] as const;

export interface DesktopBridge {
  readonly desktop: true;
  readonly engineUrl: string | null;
  readonly session: string;
}

export interface IpcLike {
  sendSync(channel: string): unknown;
}

export function buildDesktopBridge(ipc: IpcLike): DesktopBridge {
  const answer = ipc.sendSync(SESSION_CHANNEL) as { url?: unknown; session?: unknown } | null;
  return Object.freeze({
    desktop: true as const,
    engineUrl: typeof answer?.url === 'string' ? answer.url : null,
    session: typeof answer?.session === 'string' ? answer.session : '',
  });
}
