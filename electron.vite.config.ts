// Three builds: main (plus the CLI and the core's process, from the same core), the sandboxed preload, the React renderer.
// No path aliases: the code uses relative imports, which tsc and every build resolve alike.
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { CSP_META, devCsp } from './src/shared/csp';

/**
 * Writes the renderer's CSP meta tag from the one policy in src/shared/csp: strict in every build;
 * relaxed for the dev server only (`npm run dev`: Vite's inline preamble and its hot-reload socket).
 */
export function cspMetaTag(): Plugin {
  let serving = false;
  return {
    name: 'sms-outbox-csp-meta',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    transformIndexHtml(html, ctx) {
      const devOrigin = ctx.server?.resolvedUrls?.local[0];
      const content = serving ? devCsp(devOrigin ?? 'http://localhost:5173/') : CSP_META;
      // Written by hand, not as a Vite tag descriptor (which escapes every quote as &#39;), right after
      // the charset declaration and before any script.
      const tag = `<meta http-equiv="Content-Security-Policy" content="${content}" />`;
      const charset = /<meta charset="[^"]*"\s*\/?>/i;
      return charset.test(html) ? html.replace(charset, (m) => `${m}\n    ${tag}`) : html.replace(/<head>/i, `<head>\n    ${tag}`);
    },
  };
}

export default defineConfig({
  main: {
    build: {
      // node_modules stay external (the default): better-sqlite3 and keytar are native addons, and
      // the rest loads from node_modules at run time like any Node program.
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'src/shell/index.ts'),
          // The headless CLI ships from the same build (out/main/cli.js) over the same core.
          cli: resolve(__dirname, 'src/cli/index.ts'),
          // The outbox core's own process (utilityProcess.fork in src/shell/modules/outboxCore.ts).
          coreHost: resolve(__dirname, 'src/app/host/coreHostMain.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require npm packages: bundle everything into one file; only
      // 'electron' (and Node built-ins, which the preload does not use) stay external.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        // .cjs: stays CommonJS even if package.json ever gains "type": "module".
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react(), cspMetaTag()],
    build: {
      // electron-vite leaves the renderer unminified by default (738 kB); the window loads it on
      // every start.
      minify: true,
      rolldownOptions: {
        input: resolve(__dirname, 'src/renderer/index.html'),
      },
    },
  },
});
