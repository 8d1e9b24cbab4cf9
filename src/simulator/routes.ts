// "Which GatewayAPI call is this?": method and path to the state's answer (behind the token check).
import type { Faults } from './faults';
import { methodNotAllowed } from './replies';
import type { SimState } from './state';
import type { Reply } from './validate';

/** `send` routes are the ones faults apply to by default (faults.applyTo widens it to all). */
export type Route = { kind: 'send' | 'other'; run: () => Reply };

const unauthorized: Reply = { status: 401, body: { code: '0x0210', message: 'Unauthorized' } };

export function route(
  ctx: { state: SimState; now: () => number; faults: Faults },
  method: string,
  path: string,
  body: string,
  auth: string | undefined,
): Route {
  const { state, now, faults } = ctx;
  const authed = (run: () => Reply) => () => (state.isAuthorised(auth) ? run() : unauthorized);
  const p = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  if (p === '/rest/mtsms') {
    if (method === 'POST') return { kind: 'send', run: authed(() => state.send(body, now(), faults)) };
    return { kind: 'other', run: () => methodNotAllowed };
  }
  const idMatch = /^\/rest\/mtsms\/(\d+)$/.exec(p);
  if (idMatch) {
    const id = Number(idMatch[1]);
    if (method === 'GET') return { kind: 'other', run: authed(() => state.status(id, now(), faults)) };
    if (method === 'DELETE') return { kind: 'other', run: authed(() => state.cancel(id, now())) };
    return { kind: 'other', run: () => methodNotAllowed };
  }
  if (p === '/rest/me' && method === 'GET') return { kind: 'other', run: authed(() => state.me(faults)) };
  if (p === '/api/prices/list/sms/json' && method === 'GET') return { kind: 'other', run: () => state.prices() };
  return { kind: 'other', run: () => ({ status: 404, body: { message: 'Not found' } }) };
}
