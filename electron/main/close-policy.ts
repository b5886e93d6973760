/**
 * Closing the window hides it: the engine and its schedules keep running in the tray. The first time,
 * the shell says so (once per installation); quitting is in the tray menu and the application menu.
 */
export interface CloseDecision {
  /** Keep the window alive (prevent the close) and hide it. */
  readonly hide: boolean;
  readonly showNotice: boolean;
}

export function decideClose(state: { quitting: boolean; closeNoticeShown: boolean }): CloseDecision {
  if (state.quitting) return { hide: false, showNotice: false };
  return { hide: true, showNotice: !state.closeNoticeShown };
}
