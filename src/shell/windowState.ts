// Window size, position and maximised state, remembered in a small JSON file in the data folder
// (the window exists before the database is open, and the CLI has no use for it). On the next start
// the bounds are clamped to a display that is still there: a monitor unplugged since must not leave
// the window off-screen.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const WINDOW_STATE_FILE = 'window-state.json';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export interface SizeLimits {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
}

/** The top strip where the title bar is, and how much of it must be on a display to keep the position. */
const TITLE_STRIP = 40;
const MIN_VISIBLE = { width: 120, height: 20 };

export function windowStatePath(dataDir: string): string {
  return path.join(dataDir, WINDOW_STATE_FILE);
}

function isRect(v: unknown): v is Rect {
  const r = v as Rect | null;
  return !!r && [r.x, r.y, r.width, r.height].every((n) => typeof n === 'number' && Number.isFinite(n)) && r.width > 0 && r.height > 0;
}

/** The saved state, or null when there is none or it is not ours (never throws). */
export function readWindowState(file: string): WindowState | null {
  try {
    const v = JSON.parse(readFileSync(file, 'utf8')) as { bounds?: unknown; maximized?: unknown };
    if (!isRect(v.bounds)) return null;
    return { bounds: v.bounds, maximized: v.maximized === true };
  } catch {
    return null;
  }
}

export function writeWindowState(file: string, state: WindowState): void {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(state)}\n`, { mode: 0o600 });
  renameSync(tmp, file);
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

/**
 * The bounds to open with. Saved bounds are kept when their top strip (where the title bar is) is
 * visible on some display's work area, then shrunk to fit that work area and moved inside it. Without
 * saved state, or when no display shows it, only a size is returned and Electron centres the window.
 */
export function clampToDisplays(
  saved: WindowState | null,
  workAreas: readonly Rect[],
  limits: SizeLimits,
): Partial<Rect> & { width: number; height: number } {
  const fallback = { width: limits.width, height: limits.height };
  if (!saved || workAreas.length === 0) return fallback;
  const b = saved.bounds;
  const titleStrip: Rect = { x: b.x, y: b.y, width: b.width, height: Math.min(b.height, TITLE_STRIP) };
  const area = workAreas.find((wa) => {
    const o = overlap(titleStrip, wa);
    return o.width >= Math.min(MIN_VISIBLE.width, b.width) && o.height >= Math.min(MIN_VISIBLE.height, titleStrip.height);
  });
  if (!area) {
    // Off every display: keep the size the user chose if it fits the first (primary) display.
    const primary = workAreas[0];
    return {
      width: Math.max(limits.minWidth, Math.min(b.width, primary.width)),
      height: Math.max(limits.minHeight, Math.min(b.height, primary.height)),
    };
  }
  const width = Math.max(Math.min(limits.minWidth, area.width), Math.min(Math.round(b.width), area.width));
  const height = Math.max(Math.min(limits.minHeight, area.height), Math.min(Math.round(b.height), area.height));
  const x = Math.min(Math.max(Math.round(b.x), area.x), area.x + area.width - width);
  const y = Math.min(Math.max(Math.round(b.y), area.y), area.y + area.height - height);
  return { x, y, width, height };
}
