// `npm run dev`: the renderer from Vite's dev server (hot reload) renders in real Chromium under the
// dev-only CSP, with no policy violation; the policy it gets is the relaxed one, and only there.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import config from '../../electron.vite.config';
import { devCsp } from '../shared/csp';

const CHROMIUM = '/usr/bin/chromium';
const SKIP = !existsSync(CHROMIUM);
if (SKIP) console.log(`devServer.test.ts: skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`);

let server: ViteDevServer;
let browser: Browser;
let url: string;

beforeAll(async () => {
  if (SKIP) return;
  const renderer = (config as { renderer: { root: string; plugins: unknown[] } }).renderer;
  server = await createServer({
    configFile: false,
    root: renderer.root,
    plugins: renderer.plugins as never,
    logLevel: 'silent',
    server: { host: '127.0.0.1', port: 5391, strictPort: false },
  });
  await server.listen();
  url = server.resolvedUrls!.local[0];
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.skipIf(SKIP)('the dev server (npm run dev)', () => {
  it('serves the page with the relaxed policy for its own origin', async () => {
    const html = await (await fetch(url)).text();
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${devCsp(url)}" />`);
    expect(devCsp(url)).toContain(`ws://127.0.0.1:${new URL(url).port}`);
  });

  it('renders the app with hot reload connected and no CSP violation', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await page.addInitScript(() => {
      // No core behind this page: a bridge that answers every call with an error is enough to render.
      (window as unknown as { smsOutbox: unknown }).smsOutbox = {
        call: async () => ({ ok: false, error: { kind: 'internal', message: 'no core in this test' } }),
        on: () => () => {},
      };
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`Refused to load (CSP) ${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    const connected = page.waitForEvent('console', { predicate: (m) => m.text().includes('[vite] connected'), timeout: 30_000 });
    await page.goto(url);
    await connected;
    // React mounted the app (its styles and scripts came through the policy).
    await page.waitForFunction(() => (document.getElementById('root')?.childElementCount ?? 0) > 0, undefined, { timeout: 30_000 });
    expect(violations).toEqual([]);
    await page.close();
  }, 60_000);
});
