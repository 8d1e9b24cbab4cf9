// The real Electron app, for machines that have the Electron binary: `npm start`, `npm run dev` or
// `npx install-electron` download it once (not possible on our build machines, which reach no
// Electron download). Proves the built app starts, shows its window, and gives the renderer the
// bridge but no Node. Without the binary it skips and says why; test/firstStart.test.ts checks both
// ways with a stand-in binary.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { CSP } from '../src/shared/csp';

const root = process.cwd();
const SKIP_REASON = 'Electron binary not installed (npm start or npx install-electron downloads it once); runs where it is installed';

/**
 * The Electron executable, or null. Electron >= 42 downloads its binary on the first
 * require('electron') (ignoring ELECTRON_SKIP_BINARY_DOWNLOAD), so look for it without requiring.
 */
function electronBinary(): string | null {
  const pkg = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const rel = readFileSync(pathFile, 'utf8').trim();
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(pkg, 'dist');
  const exe = path.join(dist, rel);
  return existsSync(exe) ? exe : null;
}

const binary = electronBinary();
if (!binary) console.log(`electron.spec.ts: skipped: ${SKIP_REASON}`);

test.describe('Electron app', () => {
  test.skip(!binary, SKIP_REASON);

  test('starts with a sandboxed window that has the bridge and no Node', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'sms-outbox-electron-e2e-'));
    const app = await electron.launch({
      executablePath: binary!,
      args: [path.join(root, 'out', 'main', 'index.js')],
      // A private data folder: never the developer's outbox or single-instance lock.
      env: { ...process.env, SMS_OUTBOX_DATA_DIR: dataDir } as Record<string, string>,
      timeout: 60_000,
    });
    try {
      const page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
      await expect(page).toHaveTitle(/SMS Outbox/);
      expect(await page.evaluate(() => typeof window.smsOutbox?.call)).toBe('function');
      expect(await page.evaluate(() => typeof window.smsOutbox?.on)).toBe('function');
      expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
      // Served from the privileged app:// scheme with the CSP header, not from file://.
      expect(page.url()).toBe('app://bundle/index.html');
      const headers = await page.evaluate(async () => {
        const res = await fetch(location.href);
        return { status: res.status, csp: res.headers.get('content-security-policy') };
      });
      expect(headers).toEqual({ status: 200, csp: CSP });
      // A way out of the renderer folder is refused.
      expect(await page.evaluate(async () => (await fetch('app://bundle/..%2fmain%2findex.js')).status)).toBe(403);
      // An inline script is blocked by the policy.
      expect(
        await page.evaluate(() => {
          const s = document.createElement('script');
          s.textContent = 'window.__inline = 1';
          document.head.append(s);
          return (window as unknown as { __inline?: number }).__inline;
        }),
      ).toBeUndefined();
      // The main process took the data folder we gave it, and writes its log there.
      expect(await app.evaluate(({ app: a }) => a.getPath('userData'))).toBe(dataDir);
      expect(existsSync(path.join(dataDir, 'sms-outbox.log'))).toBe(true);
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
