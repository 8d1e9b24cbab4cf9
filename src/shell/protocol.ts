// The renderer is served from app://bundle/ (a privileged standard scheme) instead of file://: it gets
// a real origin, the CSP travels as a header, and only files inside the built renderer folder can be
// read. Pure apart from the file read, so the path rules run under Node tests.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const RENDERER_URL = `${APP_ORIGIN}/index.html`;

/**
 * For protocol.registerSchemesAsPrivileged, before ready. standard: relative URLs and a real origin;
 * secure: treated like https. Deliberately not bypassCSP, allowServiceWorkers or corsEnabled (which
 * would let any other origin read these files).
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * The file inside `root` that an app:// URL names, or null for anything else: another scheme or
 * host, `..` (plain or percent-encoded), backslashes, NUL bytes, undecodable escapes.
 */
export function resolveAppPath(root: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  // A backslash is a separator on Windows; a NUL truncates paths in native code.
  if (rel.includes('\\') || rel.includes('\0')) return null;
  if (rel.split('/').some((seg) => seg === '..')) return null;
  if (rel === '' || rel === '/') rel = '/index.html';
  const base = path.resolve(root);
  const file = path.resolve(base, `.${rel}`);
  // Belt and braces after the segment check: the result must still lie inside the renderer folder.
  if (!file.startsWith(base + path.sep)) return null;
  return file;
}

export interface AppProtocolOptions {
  /** The built renderer folder (out/renderer). */
  root: string;
  /** Sent with every response; the one policy from src/shared/csp. */
  csp: string;
}

function respond(status: number, body: BodyInit | null, type: string, csp: string): Response {
  return new Response(body, {
    status,
    headers: {
      'Content-Type': type,
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    },
  });
}

/** The protocol.handle('app', …) handler. */
export function createAppProtocolHandler(opts: AppProtocolOptions): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return respond(405, 'Method not allowed', 'text/plain; charset=utf-8', opts.csp);
    }
    const file = resolveAppPath(opts.root, request.url);
    if (!file) return respond(403, 'Forbidden', 'text/plain; charset=utf-8', opts.csp);
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(file));
      return respond(200, body, TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream', opts.csp);
    } catch {
      return respond(404, 'Not found', 'text/plain; charset=utf-8', opts.csp);
    }
  };
}
