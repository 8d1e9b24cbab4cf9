// The renderer's Content-Security-Policy, in one place: the Electron shell's app:// handler sends it
// as a header, the build writes it into index.html as a meta tag, the e2e harness serves it.
// Electron-free and import-free so the build config, the shell and the tests can all load it.

const STRICT: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
  ['object-src', "'none'"],
];

function join(directives: ReadonlyArray<readonly [string, string]>): string {
  return directives.map(([name, value]) => `${name} ${value}`).join('; ');
}

/** The policy every built renderer runs under, sent as a header. */
export const CSP = join(STRICT);

/** The same policy for a <meta> tag: browsers ignore frame-ancestors there (and warn about it). */
export const CSP_META = join(STRICT.filter(([name]) => name !== 'frame-ancestors'));

/**
 * For `npm run dev` only (never a build): Vite's dev server injects an inline React-refresh preamble
 * and talks to its own origin over a WebSocket for hot reload.
 */
export function devCsp(devServerOrigin: string): string {
  const origin = new URL(devServerOrigin).origin;
  const ws = origin.replace(/^http/, 'ws');
  return join(
    STRICT.filter(([name]) => name !== 'frame-ancestors').map(([name, value]): [string, string] => {
      if (name === 'script-src') return [name, `${value} 'unsafe-inline' ${origin}`];
      if (name === 'style-src') return [name, `${value} 'unsafe-inline' ${origin}`];
      if (name === 'connect-src') return [name, `${value} ${origin} ${ws}`];
      if (name === 'img-src' || name === 'font-src') return [name, `${value} ${origin}`];
      return [name, value];
    }),
  );
}
