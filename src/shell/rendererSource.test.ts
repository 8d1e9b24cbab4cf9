// The page the window shows: always app://bundle/ in a packaged app; the dev server only in
// `npm run dev`, and only one on this computer.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rendererFiles } from './rendererSource';

const MAIN = path.join('/opt', 'sms-outbox', 'out', 'main');

describe('rendererFiles', () => {
  it('a build shows app://bundle/index.html, served from out/renderer, with the built preload', () => {
    expect(rendererFiles(MAIN, { isPackaged: false })).toEqual({
      preload: path.join('/opt', 'sms-outbox', 'out', 'preload', 'index.cjs'),
      root: path.join('/opt', 'sms-outbox', 'out', 'renderer'),
      url: 'app://bundle/index.html',
      dev: false,
    });
  });

  it('npm run dev shows the local dev server, with or without a trailing slash', () => {
    expect(rendererFiles(MAIN, { isPackaged: false, devServerUrl: 'http://localhost:5173/' })).toMatchObject({
      url: 'http://localhost:5173/',
      dev: true,
    });
    expect(rendererFiles(MAIN, { isPackaged: false, devServerUrl: 'http://127.0.0.1:5174' })).toMatchObject({
      url: 'http://127.0.0.1:5174',
      dev: true,
    });
  });

  it('a packaged app ignores ELECTRON_RENDERER_URL, and no run loads a page from elsewhere', () => {
    expect(rendererFiles(MAIN, { isPackaged: true, devServerUrl: 'http://localhost:5173/' })).toMatchObject({
      url: 'app://bundle/index.html',
      dev: false,
    });
    for (const devServerUrl of [
      'https://evil.example/',
      'http://localhost.evil.example/',
      'http://192.168.1.5:5173/',
      'file:///tmp/x.html',
    ]) {
      expect(rendererFiles(MAIN, { isPackaged: false, devServerUrl }), devServerUrl).toMatchObject({
        url: 'app://bundle/index.html',
        dev: false,
      });
    }
  });
});
