// The e2e composition root: the BUILT renderer (out/renderer) served over http on 127.0.0.1 with the
// app's CSP, in real Chromium, and the REAL Electron-free core behind the same window.smsOutbox object
// the preload builds — calls go through Playwright's exposeBinding to the core's one dispatcher, and
// the core's events are pushed into the page.
import { test as base, expect, type ConsoleMessage, type Page } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { openApp, type SmsOutboxApp } from '../src/app/openApp';
import { Engine } from '../src/core/engine';
import type { SecretStore } from '../src/core/secrets/secretStore';
import { CSP } from '../src/shared/csp';
import type { ConfirmRequest } from '../src/shared/confirmRequest';

export const RENDERER_DIR = resolve(__dirname, '..', 'out', 'renderer');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Serves the built renderer read-only, with the CSP header; nothing outside RENDERER_DIR. */
export async function startStaticServer(root = RENDERER_DIR): Promise<{ url: string; close(): Promise<void> }> {
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`${root}/index.html is missing: run \`npm run build\` before the e2e tests.`);
  }
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    const send = (status: number, body: string | Buffer, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, {
        'Content-Type': type,
        'Content-Security-Policy': CSP,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      });
      res.end(body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed');
    if (!file.startsWith(root + sep) && file !== root) return send(403, 'forbidden');
    if (!existsSync(file) || !statSync(file).isFile()) return send(404, 'not found');
    send(200, readFileSync(file), TYPES[extname(file)] ?? 'application/octet-stream');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const addr = server.address();
  if (!addr || typeof addr === 'string') throw new Error('static server has no port');
  return {
    url: `http://127.0.0.1:${addr.port}/`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/**
 * Builds window.smsOutbox in the page exactly as src/preload/index.ts does: call() always resolves
 * to a Result (never throws), on() returns an unsubscribe, the object is frozen and not replaceable.
 * Runs in the page, so it must not close over anything from Node.
 */
function installBridge(): void {
  type Listener = (payload: unknown) => void;
  const w = window as unknown as Record<string, unknown>;
  const subs = new Set<{ event: string; listener: Listener }>();
  const callBinding = w.__smsOutboxCall as (name: string, input: unknown) => Promise<unknown>;
  const bridge = Object.freeze({
    call(name: string, input: unknown): Promise<unknown> {
      return Promise.resolve()
        .then(() => callBinding(name, input))
        .catch((err: unknown) => ({
          ok: false,
          error: { kind: 'internal', message: String((err as { message?: unknown })?.message ?? err) },
        }));
    },
    on(event: string, listener: Listener): () => void {
      const sub = { event, listener };
      subs.add(sub);
      return () => void subs.delete(sub);
    },
  });
  Object.defineProperty(window, 'smsOutbox', { value: bridge, writable: false, configurable: false, enumerable: true });
  Object.defineProperty(window, '__smsOutboxEmit', {
    value: (event: string, payload: unknown) => {
      for (const sub of [...subs]) {
        if (sub.event !== event) continue;
        try {
          sub.listener(payload);
        } catch (err) {
          console.error(`smsOutbox: a listener for "${event}" threw`, err);
        }
      }
    },
  });
  // Collect CSP violations where the test can read them (console text varies between versions).
  const violations: string[] = [];
  Object.defineProperty(window, '__cspViolations', { value: violations });
  document.addEventListener('securitypolicyviolation', (e) => {
    violations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`);
  });
}

/**
 * Memory-only token store, the same behaviour as createMemoryStore() in secretStore.ts. Defined here
 * because that module uses import.meta.url (for keytar's lazy require), which Playwright's CommonJS
 * test loader cannot run; the harness never needs keytar.
 */
function memorySecrets(status: KeychainStatus): SecretStore {
  let token: string | null = null;
  return {
    get: async () => token,
    set: async (t) => void (token = t),
    clear: async () => void (token = null),
    status: () => status,
  };
}

type KeychainStatus = ReturnType<SecretStore['status']>;

export interface Harness {
  app: SmsOutboxApp;
  /** URL of the served renderer. */
  url: string;
  dataDir: string;
  /** Every console message and page error, as "type: text". */
  console: string[];
  /** Events the core emitted, in order (name only), for debugging. */
  events: string[];
  /** Every question main asked through its native-dialog seam (the shell's dialog.showMessageBox), in order. */
  confirmations: ConfirmRequest[];
  /** CSP violations reported in the page (securitypolicyviolation events + "Refused to" console lines). */
  cspViolations(): Promise<string[]>;
}

export interface HarnessOptions {
  /** Demo simulator timings: short, so delivery reports arrive within seconds. */
  demo: { statusDelayMs?: number; notFoundUntilMs?: number; pollScheduleMs?: number[]; credit?: number };
  /** What the secret store says about the keychain (ok: false = no keychain answered). */
  keychain: KeychainStatus;
  /**
   * Another sms-outbox (a second engine in this process, as the CLI would be) takes the live data
   * folder's sender lease before the app opens, and keeps it for the whole test.
   */
  dataFolderHeldElsewhere: boolean;
  /**
   * How the user answers main's own confirmation dialog (the shell shows dialog.showMessageBox; the
   * harness stands in for it): true = the user clicks yes; an object answers per question (a plain
   * function would be taken by Playwright for a fixture).
   */
  confirmAnswer: boolean | { answer(request: ConfirmRequest): boolean };
}

/**
 * Tests reach only servers they started on 127.0.0.1 (the demo simulator). A live-mode test that
 * sets a token would otherwise make the core call gatewayapi.com: refuse that like a dead network.
 */
const loopbackOnlyFetch = (input: string, init?: RequestInit): Promise<Response> => {
  const host = new URL(input).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost') {
    return Promise.reject(
      new TypeError('fetch failed', { cause: Object.assign(new Error(`e2e: no network to ${host}`), { code: 'ECONNREFUSED' }) }),
    );
  }
  return fetch(input, init);
};

async function pushEvent(page: Page, event: string, payload: unknown): Promise<void> {
  if (page.isClosed()) return;
  await page
    .evaluate(
      ([e, p]) => {
        const emit = (window as unknown as { __smsOutboxEmit?: (e: string, p: unknown) => void }).__smsOutboxEmit;
        emit?.(e as string, p);
      },
      [event, payload] as const,
    )
    // The page may be navigating or closing: the renderer reloads its state on start anyway.
    .catch(() => {});
}

export const test = base.extend<HarnessOptions & { harness: Harness }, { server: { url: string } }>({
  demo: [{ statusDelayMs: 1500, notFoundUntilMs: 500, pollScheduleMs: [700, 700, 1000, 1500, 2000, 3000] }, { option: true }],
  keychain: [{ ok: true, message: null }, { option: true }],
  dataFolderHeldElsewhere: [false, { option: true }],
  confirmAnswer: [true, { option: true }],

  server: [
    async ({}, use) => {
      const s = await startStaticServer();
      await use({ url: s.url });
      await s.close();
    },
    { scope: 'worker' },
  ],

  harness: async ({ page, server, demo, keychain, dataFolderHeldElsewhere, confirmAnswer }, use) => {
    const confirmations: ConfirmRequest[] = [];
    const dataDir = mkdtempSync(join(tmpdir(), 'sms-outbox-e2e-'));
    const log: string[] = [];
    const events: string[] = [];
    let other: Engine | null = null;
    if (dataFolderHeldElsewhere) {
      other = new Engine({ dataDir, gateway: async () => null });
      other.start();
      if (!other.holdsLease) throw new Error('e2e: the second engine did not take the lease');
    }
    const app = await openApp({
      dataDir,
      fetch: loopbackOnlyFetch,
      secrets: memorySecrets(keychain),
      emit: (event, payload) => {
        events.push(event);
        void pushEvent(page, event, payload);
      },
      demo,
      version: 'e2e',
      confirm: async (request) => {
        confirmations.push(request);
        return typeof confirmAnswer === 'boolean' ? confirmAnswer : confirmAnswer.answer(request);
      },
    });
    await page.exposeBinding('__smsOutboxCall', (_source, name: string, input: unknown) => app.dispatch(name, input));
    await page.addInitScript(installBridge);
    page.on('console', (m: ConsoleMessage) => log.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => log.push(`pageerror: ${e.message}`));

    await use({
      app,
      url: server.url,
      dataDir,
      console: log,
      events,
      confirmations,
      async cspViolations() {
        const inPage = page.isClosed()
          ? []
          : await page.evaluate(() => [...((window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])]);
        const inConsole = log.filter((l) => /Content Security Policy|Refused to/i.test(l));
        return [...inPage, ...inConsole];
      },
    });

    await app.close();
    await other?.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };

/** A CSV file for setInputFiles, built in memory. */
export function csvFile(name: string, text: string, bom = false): { name: string; mimeType: string; buffer: Buffer } {
  return { name, mimeType: 'text/csv', buffer: Buffer.from((bom ? '\uFEFF' : '') + text, 'utf8') };
}
