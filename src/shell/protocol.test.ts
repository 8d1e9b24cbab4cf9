// The app:// handler serves the built renderer and nothing else: every way out of the folder is
// refused, and every response carries the one CSP.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CSP } from '../shared/csp';
import { createAppProtocolHandler, RENDERER_URL, resolveAppPath } from './protocol';

const ROOT = mkdtempSync(path.join(tmpdir(), 'sms-outbox-protocol-'));
const renderer = path.join(ROOT, 'out', 'renderer');
mkdirSync(path.join(renderer, 'assets'), { recursive: true });
writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>SMS Outbox</title>');
writeFileSync(path.join(renderer, 'assets', 'index-abc.js'), 'console.log(1)');
// Secrets next to the renderer folder that a traversal would reach.
writeFileSync(path.join(ROOT, 'out', 'secret.txt'), 'token');
writeFileSync(path.join(ROOT, 'out', 'renderer-evil.txt'), 'sibling with a shared prefix');
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

describe('resolveAppPath', () => {
  it('maps app://bundle/ paths into the renderer folder', () => {
    expect(resolveAppPath(renderer, RENDERER_URL)).toBe(path.join(renderer, 'index.html'));
    expect(resolveAppPath(renderer, 'app://bundle/')).toBe(path.join(renderer, 'index.html'));
    expect(resolveAppPath(renderer, 'app://bundle/assets/index-abc.js?v=1#x')).toBe(path.join(renderer, 'assets', 'index-abc.js'));
    expect(resolveAppPath(renderer, 'app://bundle/assets/a%20b.css')).toBe(path.join(renderer, 'assets', 'a b.css'));
  });

  // The URL parser already folds plain and %2e-encoded dot segments, so these name files inside
  // the folder (which do not exist): they never reach a file outside it.
  it.each([
    'app://bundle/../secret.txt',
    'app://bundle/%2e%2e/secret.txt',
    'app://bundle/%2E%2E/%2E%2E/etc/passwd',
    'app://bundle/../renderer-evil.txt',
  ])('keeps %s inside the folder', (url) => {
    const file = resolveAppPath(renderer, url);
    expect(file === null || file.startsWith(renderer + path.sep)).toBe(true);
  });

  // What survives the parser as an escape (encoded separators) is refused outright.
  it.each([
    'app://bundle/assets/..%2f..%2fsecret.txt',
    'app://bundle/..%2fsecret.txt',
    'app://bundle/..%2f..%2frenderer-evil.txt',
    'app://bundle/..%5csecret.txt',
    'app://bundle/assets%5c..%5c..%5csecret.txt',
    'app://bundle/%00index.html',
    'app://bundle/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
    'https://bundle/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(renderer, url)).toBeNull();
  });
});

describe('createAppProtocolHandler', () => {
  const handle = createAppProtocolHandler({ root: renderer, csp: CSP });

  it('serves the page with the CSP header and the right type', async () => {
    const res = await handle(new Request(RENDERER_URL));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>SMS Outbox</title>');
    const js = await handle(new Request('app://bundle/assets/index-abc.js'));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 403 for a way out of the folder, 404 for a missing file, 405 for a POST', async () => {
    const out = await handle(new Request('app://bundle/..%2fsecret.txt'));
    expect(out.status).toBe(403);
    expect(await out.text()).not.toContain('token');
    expect((await handle(new Request('app://bundle/missing.js'))).status).toBe(404);
    expect((await handle(new Request('app://bundle/assets'))).status).toBe(404);
    expect((await handle(new Request(RENDERER_URL, { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});
