// Which page the window shows and where the built files are: app://bundle/ from out/renderer, or, in
// `npm run dev` only, electron-vite's dev server. Pure, so it runs under Node tests.
import { join } from 'node:path';
import { RENDERER_URL } from './protocol';

export interface RendererFiles {
  preload: string;
  /** The built renderer folder, served as app://bundle/. */
  root: string;
  /** The page the window shows: app://bundle/index.html, or the dev server's page in `npm run dev`. */
  url: string;
  /** True only for `npm run dev` (unpackaged, electron-vite's dev server running). */
  dev: boolean;
}

export interface RendererEnv {
  isPackaged: boolean;
  /** electron-vite dev sets ELECTRON_RENDERER_URL; a packaged app ignores it. */
  devServerUrl?: string;
}

/** Where the build put the preload and the renderer, relative to out/main, and which page to show. */
export function rendererFiles(mainDir: string, env: RendererEnv = { isPackaged: true }): RendererFiles {
  // Only a dev server on this computer, and never in a packaged app (whatever its environment says).
  const devUrl =
    !env.isPackaged && env.devServerUrl && /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/.test(env.devServerUrl)
      ? env.devServerUrl
      : undefined;
  return {
    preload: join(mainDir, '..', 'preload', 'index.cjs'),
    root: join(mainDir, '..', 'renderer'),
    url: devUrl ?? RENDERER_URL,
    dev: devUrl !== undefined,
  };
}
