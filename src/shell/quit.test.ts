import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { installQuitGuard } from './quit';

/** Mimics Electron: quit() emits before-quit and exits unless a listener prevented it. */
function fakeApp() {
  const ee = new EventEmitter();
  const app = {
    exited: false,
    on: (event: 'before-quit', l: (e: { preventDefault(): void }) => void) => ee.on(event, l),
    quit() {
      let prevented = false;
      ee.emit('before-quit', { preventDefault: () => (prevented = true) });
      if (!prevented) app.exited = true;
    },
  };
  return app;
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('installQuitGuard', () => {
  it('waits for close() before the app exits, and closes once however often quit is asked', async () => {
    const app = fakeApp();
    const d = deferred();
    let closes = 0;
    installQuitGuard(app, () => {
      closes++;
      return d.promise;
    });
    app.quit();
    app.quit(); // e.g. Cmd+Q pressed twice
    expect(app.exited).toBe(false);
    expect(closes).toBe(1);
    d.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(app.exited).toBe(true);
    expect(closes).toBe(1);
  });

  it('still quits when close() fails, and reports the error', async () => {
    const app = fakeApp();
    const errors: unknown[] = [];
    installQuitGuard(app, () => Promise.reject(new Error('disk gone')), { onError: (e) => errors.push(e) });
    app.quit();
    await new Promise((r) => setTimeout(r, 0));
    expect(app.exited).toBe(true);
    expect(String(errors[0])).toMatch(/disk gone/);
  });

  it('quits anyway when close() hangs past the time limit', async () => {
    const app = fakeApp();
    const errors: unknown[] = [];
    installQuitGuard(app, () => new Promise<void>(() => {}), { timeoutMs: 30, onError: (e) => errors.push(e) });
    app.quit();
    await new Promise((r) => setTimeout(r, 100));
    expect(app.exited).toBe(true);
    expect(String(errors[0])).toMatch(/did not finish within 30 ms/);
  });
});
