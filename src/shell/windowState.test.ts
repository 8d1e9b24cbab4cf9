// The window opens where the user left it, but never off-screen.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clampToDisplays, readWindowState, windowStatePath, writeWindowState } from './windowState';

const LIMITS = { width: 1200, height: 800, minWidth: 800, minHeight: 560 };
const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const rightMonitor = { x: 1440, y: 0, width: 2560, height: 1400 };

describe('clampToDisplays', () => {
  it('first start: the default size, centred by Electron', () => {
    expect(clampToDisplays(null, [laptop], LIMITS)).toEqual({ width: 1200, height: 800 });
  });

  it('keeps a position that is still on a display', () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1500, height: 1000 }, maximized: false };
    expect(clampToDisplays(saved, [laptop, rightMonitor], LIMITS)).toEqual({ x: 1600, y: 100, width: 1500, height: 1000 });
  });

  it('a monitor unplugged since: the window opens on the remaining display, its size kept where it fits', () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1500, height: 1000 }, maximized: false };
    expect(clampToDisplays(saved, [laptop], LIMITS)).toEqual({ width: 1440, height: 875 });
  });

  it('pulls a window hanging off an edge back inside, and shrinks one larger than the display', () => {
    const hanging = { bounds: { x: 1000, y: -20, width: 1000, height: 700 }, maximized: false };
    expect(clampToDisplays(hanging, [laptop], LIMITS)).toEqual({ x: 440, y: 0, width: 1000, height: 700 });
    const huge = { bounds: { x: 10, y: 10, width: 3000, height: 2000 }, maximized: false };
    expect(clampToDisplays(huge, [laptop], LIMITS)).toEqual({ x: 0, y: 0, width: 1440, height: 875 });
  });
});

describe('window state file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sms-outbox-winstate-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips, and a missing or foreign file means no state', () => {
    const file = windowStatePath(dir);
    expect(readWindowState(file)).toBeNull();
    writeWindowState(file, { bounds: { x: 5, y: 6, width: 900, height: 700 }, maximized: true });
    expect(readWindowState(file)).toEqual({ bounds: { x: 5, y: 6, width: 900, height: 700 }, maximized: true });
    writeFileSync(file, '{"bounds":{"x":"a"}}');
    expect(readWindowState(file)).toBeNull();
    writeFileSync(file, 'not json');
    expect(readWindowState(file)).toBeNull();
  });
});
