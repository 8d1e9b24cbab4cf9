// "What does the simulator answer to this request?": route it, then let the armed faults decide
// whether the real answer, a faulty one, a late one or none at all goes back.
import type http from 'node:http';
import type { Socket } from 'node:net';
import { takeFault, type Faults } from './faults';
import { accountRefusal, proxyPage, readBody, serverError, streamAnswer, write } from './replies';
import { route, type Route } from './routes';
import type { ServedRequest } from './server';
import type { SimState } from './state';
import type { Reply } from './validate';

export interface HandlerContext {
  state: SimState;
  now: () => number;
  faults: Faults;
  /** Every request served, in order of decision. */
  requests: ServedRequest[];
  /** Delayed answers not yet written (cleared on close). */
  timers: Set<NodeJS.Timeout>;
}

/** What the fault chain does with one request. */
interface Exchange {
  req: http.IncomingMessage;
  res: http.ServerResponse;
  route: Route;
  /** Requests seen on this connection so far, this one included. */
  onSocket: number;
  answer(reply: Reply): void;
  record(status: number): void;
}

export function createHandler(ctx: HandlerContext): (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void> {
  /** Requests seen per connection: the dropOnReuse fault hits only reused connections. */
  const servedOn = new WeakMap<Socket, number>();
  return async (req, res) => {
    const method = req.method ?? 'GET';
    const path = (req.url ?? '/').split('?')[0];
    const record = (status: number) => ctx.requests.push({ method, path, status });
    const onSocket = (servedOn.get(req.socket) ?? 0) + 1;
    servedOn.set(req.socket, onSocket);
    const body = await readBody(req);
    if (body === null) {
      record(413);
      return write(res, { status: 413, body: { message: 'Request body too large' } });
    }
    const r = route(ctx, method, path, body, req.headers.authorization);
    const faulty = r.kind === 'send' || ctx.faults.applyTo === 'all';
    const answer = (reply: Reply) => {
      record(reply.status);
      const delay = faulty ? (ctx.faults.latencyMs ?? 0) : 0;
      if (delay <= 0) return write(res, reply);
      const t = setTimeout(() => {
        ctx.timers.delete(t);
        write(res, reply);
      }, delay);
      ctx.timers.add(t);
    };
    if (!faulty) return answer(r.run());
    answerWithFaults(ctx.faults, { req, res, route: r, onSocket, answer, record });
  };
}

/** The armed faults in a fixed order: the first that fires decides the answer; none, the real one. */
function answerWithFaults(faults: Faults, x: Exchange): void {
  const { req, route: r, answer, record } = x;
  const drop = () => {
    record(0);
    req.socket.destroy();
  };
  if (takeFault(faults, 'hang')) return void record(0); // the socket stays open until close()
  const redirect = takeFault(faults, 'redirect');
  if (redirect) {
    const location = redirect.location ?? 'https://example.invalid/rest/mtsms';
    return answer({ status: redirect.status ?? 307, headers: { location }, body: '', contentType: 'text/html' });
  }
  const proxied = takeFault(faults, 'proxyStatus');
  if (proxied) {
    if (proxied.acceptBeforeFail) r.run();
    return answer(proxyPage(proxied.status));
  }
  const refusal = takeFault(faults, 'accountRefusal');
  if (refusal) return answer(accountRefusal(refusal.code));
  if (takeFault(faults, 'echoToken')) return answer(echoToken(String(req.headers.authorization ?? '')));
  const limited = takeFault(faults, 'rateLimit');
  if (limited) {
    const headers: Record<string, string> = limited.retryAfterSec !== undefined ? { 'retry-after': String(limited.retryAfterSec) } : {};
    return answer({ status: 429, body: { message: 'Too many requests' }, headers });
  }
  const failure = takeFault(faults, 'status5xx');
  if (failure) {
    if (failure.code !== 503 && failure.acceptBeforeFail) r.run();
    return answer(serverError(failure.code));
  }
  if (x.onSocket > 1 && faults.dropOnReuse) {
    const dropped = takeFault(faults, 'dropOnReuse');
    if (dropped) {
      if (dropped.accept) r.run();
      return drop();
    }
  }
  if (takeFault(faults, 'dropBeforeAccept')) return drop();
  const reply = r.run();
  if (takeFault(faults, 'dropAfterAccept')) return drop();
  const odd = reply.status === 200 ? takeFault(faults, 'acceptedAnswer') : null;
  if (odd) {
    record(200);
    const real = reply.body as { ids: unknown[]; usage: unknown };
    return streamAnswer(x.res, JSON.stringify({ ids: odd.ids ?? real.ids, usage: real.usage }), odd.padBytes ?? 0);
  }
  answer(reply);
}

/** A careless server that repeats the Authorization header in its error (the app must not show it). */
function echoToken(auth: string): Reply {
  const token = auth.replace(/^\S+\s+/, '');
  return {
    status: 400,
    body: { code: token, message: `Bad request from ${auth}`, variables: [token, token.slice(0, 12)], incident_uuid: token },
  };
}
