// The simulator's canned answers and HTTP plumbing: what a proxy, a refusing account or a failing
// server answers, reading a capped body, writing a reply, and streaming a padded one.
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Reply } from './validate';

/** Big enough for 10,000 recipients with long tag values. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

/** A proxy's or firewall's own page: HTML, not GatewayAPI's JSON. */
export function proxyPage(status: number): Reply {
  const title = `${status} ${http.STATUS_CODES[status] ?? 'Error'}`;
  return {
    status,
    body: `<html><head><title>${title}</title></head><body><h1>${title}</h1><p>Blocked by the network's web proxy.</p></body></html>`,
    contentType: 'text/html',
  };
}

const ACCOUNT_REFUSALS: Record<string, string> = {
  '0x0212': 'Unauthorized IP address',
  '0x0213': 'Unauthorized IP address',
  '0x0219': 'Feature not enabled for this account',
  '0x021A': 'Feature not enabled for this account',
  '0x021B': 'Feature not enabled for this account',
  '0x021C': 'Feature not enabled for this account',
  '0x021D': 'SMS not enabled for this account',
};

export function accountRefusal(code: string): Reply {
  return { status: code === '0x0212' ? 401 : 403, body: { code, message: ACCOUNT_REFUSALS[code] ?? 'Forbidden' } };
}

export const methodNotAllowed: Reply = { status: 405, body: { message: 'Method not allowed' } };

export function serverError(code: 500 | 502 | 503 | 504): Reply {
  switch (code) {
    case 500:
      return { status: 500, body: { message: 'Internal server error', incident_uuid: randomUUID() } };
    case 503:
      return { status: 503, body: { message: 'Service temporarily unavailable' } };
    default: {
      // What a proxy in front of the API answers: HTML, not JSON, so clients must not assume JSON.
      const title = code === 502 ? '502 Bad Gateway' : '504 Gateway Time-out';
      return { status: code, body: `<html><body><h1>${title}</h1></body></html>`, contentType: 'text/html' };
    }
  }
}

/** The whole body as text, or null when it is over the limit. */
export function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) tooBig = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(tooBig ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function write(res: http.ServerResponse, reply: Reply): void {
  if (res.destroyed || res.writableEnded || res.socket?.destroyed) return;
  const headers: Record<string, string> = { ...reply.headers };
  let payload: string | undefined;
  if (reply.body !== undefined) {
    payload = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    headers['content-type'] = reply.contentType ?? 'application/json';
    headers['content-length'] = String(Buffer.byteLength(payload));
  }
  res.writeHead(reply.status, headers);
  res.end(payload);
}

/** A 200 whose JSON carries `padBytes` of padding, written in chunks (never held in memory). */
export function streamAnswer(res: http.ServerResponse, json: string, padBytes: number): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  if (padBytes <= 0) return void res.end(json);
  const chunk = ' '.repeat(64 * 1024);
  let left = padBytes;
  const pump = () => {
    while (left > 0) {
      const n = Math.min(left, chunk.length);
      left -= n;
      if (!res.write(n === chunk.length ? chunk : chunk.slice(0, n))) return void res.once('drain', pump);
    }
    res.end(json);
  };
  res.on('close', () => (left = 0));
  pump();
}
