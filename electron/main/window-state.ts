/** Where the window was, restored only where it is still visible (a screen may have been unplugged). */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface WindowState {
  readonly bounds?: Rect;
  readonly maximized?: boolean;
}

export const DEFAULT_SIZE = { width: 1360, height: 860 } as const;
export const MIN_SIZE = { width: 1024, height: 640 } as const;
/** How much of the window must fall on a screen for the saved place to be used. */
const MIN_VISIBLE = { width: 200, height: 100 } as const;

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

/** The bounds to open the window with: the saved ones when visible on a screen, else a centred default. */
export function restoreWindow(saved: WindowState | undefined, workAreas: readonly Rect[]): { bounds: Partial<Rect> & { width: number; height: number }; maximized: boolean } {
  const maximized = saved?.maximized === true;
  const b = saved?.bounds;
  const valid = b && [b.x, b.y, b.width, b.height].every(Number.isFinite) && b.width >= MIN_SIZE.width / 2 && b.height >= MIN_SIZE.height / 2;
  if (valid) {
    const screen = workAreas.find((area) => {
      const o = overlap(b, area);
      return o.width >= MIN_VISIBLE.width && o.height >= MIN_VISIBLE.height;
    });
    if (screen) {
      return { bounds: { x: b.x, y: b.y, width: Math.min(b.width, screen.width), height: Math.min(b.height, screen.height) }, maximized };
    }
  }
  const primary = workAreas[0];
  const width = primary ? Math.min(DEFAULT_SIZE.width, primary.width) : DEFAULT_SIZE.width;
  const height = primary ? Math.min(DEFAULT_SIZE.height, primary.height) : DEFAULT_SIZE.height;
  return { bounds: { width, height }, maximized };
}
