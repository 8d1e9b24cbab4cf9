// What `npm run build` produces: a minified renderer under the strict CSP, a dev server page (npm run
// dev) that alone gets the relaxed policy, and main's bundle apart from the outbox core's process.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cspMetaTag } from '../../electron.vite.config';
import { CSP, CSP_META, devCsp } from '../shared/csp';

const RENDERER = fileURLToPath(new URL('../../out/renderer/', import.meta.url));
const MAIN_OUT = fileURLToPath(new URL('../../out/main/', import.meta.url));

/** Every module a built file loads at start, following its own chunks: what that process carries. */
function loads(file: string, seen = new Set<string>()): Set<string> {
  for (const m of readFileSync(file, 'utf8').matchAll(/require\("([^"]+)"\)/g)) {
    const name = m[1]!;
    if (!name.startsWith('.')) {
      seen.add(name);
      continue;
    }
    const chunk = path.resolve(path.dirname(file), name);
    if (seen.has(chunk)) continue;
    seen.add(chunk);
    loads(chunk, seen);
  }
  return seen;
}

describe('the built main process and the core process', () => {
  it('main relays: it never loads the database; the core host (out/main/coreHost.js) does, and never Electron or keytar', () => {
    const host = path.join(MAIN_OUT, 'coreHost.js');
    expect(existsSync(host)).toBe(true);
    const main = loads(path.join(MAIN_OUT, 'index.js'));
    expect(main.has('electron')).toBe(true);
    expect(main.has('better-sqlite3')).toBe(false);
    const core = loads(host);
    expect(core.has('better-sqlite3')).toBe(true);
    expect(core.has('electron')).toBe(false);
    expect(core.has('keytar')).toBe(false);
  });
});

function rendererJs(): { file: string; bytes: number; text: string }[] {
  const dir = path.join(RENDERER, 'assets');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => ({ file: f, bytes: statSync(path.join(dir, f)).size, text: readFileSync(path.join(dir, f), 'utf8') }));
}

describe('the built renderer', () => {
  it('carries the strict CSP in its meta tag, from the one source', () => {
    const html = readFileSync(path.join(RENDERER, 'index.html'), 'utf8');
    const metas = html.match(/<meta http-equiv="Content-Security-Policy"[^>]*>/g) ?? [];
    expect(metas).toEqual([`<meta http-equiv="Content-Security-Policy" content="${CSP_META}" />`]);
    expect(html).not.toContain('unsafe');
    // The meta tag comes before any script, or it would not cover them.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
  });

  it('is minified', () => {
    const js = rendererJs();
    const total = js.reduce((n, f) => n + f.bytes, 0);
    console.log(`renderer bundle: ${js.map((f) => `${f.file} ${(f.bytes / 1024).toFixed(0)} kB`).join(', ')}`);
    // Unminified it was 738 kB; minified code has few line breaks and no indentation.
    expect(total).toBeLessThan(600 * 1024);
    for (const f of js) expect(f.text.split('\n').length).toBeLessThan(f.bytes / 2000);
  });
});

describe('the CSP', () => {
  it('header and meta tag differ only by frame-ancestors, which a meta tag cannot carry', () => {
    expect(CSP).toContain("frame-ancestors 'none'");
    expect(CSP_META).not.toContain('frame-ancestors');
    expect(CSP.replace("; frame-ancestors 'none'", '')).toBe(CSP_META);
    expect(CSP).not.toContain('unsafe');
  });

  it('is relaxed for the dev server only: inline preamble and the hot-reload socket of that origin', () => {
    const dev = devCsp('http://localhost:5173/');
    expect(dev).toContain("script-src 'self' 'unsafe-inline' http://localhost:5173");
    expect(dev).toContain("connect-src 'self' http://localhost:5173 ws://localhost:5173");
    expect(dev).toContain("default-src 'none'");
  });

  it('the build plugin writes the strict policy for a build and the relaxed one only when serving', () => {
    const tagFor = (command: 'build' | 'serve') => {
      const plugin = cspMetaTag() as any;
      plugin.configResolved({ command });
      const ctx = command === 'serve' ? { server: { resolvedUrls: { local: ['http://localhost:5199/'] } } } : {};
      const html: string = plugin.transformIndexHtml('<html><head><meta charset="UTF-8" /></head></html>', ctx);
      return /content="([^"]*)"/.exec(html)![1];
    };
    expect(tagFor('build')).toBe(CSP_META);
    expect(tagFor('serve')).toBe(devCsp('http://localhost:5199/'));
  });
});
