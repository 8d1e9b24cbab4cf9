// The simulator's outside: its options, and the handle tests and demo mode drive it with.
// Plain node:http on 127.0.0.1 so demo mode, the CLI, tests and benchmarks can all run it. Routing is
// in routes.ts, the fault chain in handler.ts, the socket side in listener.ts, canned answers in replies.ts.

import { clearFaults, type Faults } from './faults';
import { createHandler } from './handler';
import { Listener } from './listener';
import { SimState, type AcceptedRecipient } from './state';

export interface SimulatorOptions {
  /** Accepted token, default 'demo-token'. */
  token?: string;
  /** Starting credit, default 1000. */
  credit?: number;
  /** Default 'DKK'. */
  currency?: string;
  /** Charged per SMS part, default 0.25; also what the price list shows for every country
   * not named in countryPrices. */
  pricePerPart?: number;
  /** Per-country standard price per part (ISO code → price); charged and listed alike. */
  countryPrices?: Record<string, number>;
  /** ms clock, default Date.now (tests pass a fake clock). */
  now?: () => number;
  /** Time from leaving the gateway until the status turns final, default 3000. */
  statusDelayMs?: number;
  /** GET status answers 404 until this long after accept, default 1000. */
  notFoundUntilMs?: number;
  /** Default 0 (random); always binds 127.0.0.1. */
  port?: number;
  /** First message id; default the clock at start, so ids differ between runs of a demo. */
  firstId?: number;
  /** Destination countries (ISO codes) the account may not send to: 403 0x0217 naming the
   * country. Default ['IS'] (Iceland, +354), so demo mode shows the refusal; [] allows all. */
  blockedCountries?: string[];
}

export interface ServedRequest {
  method: string;
  path: string;
  /** 0 = no answer (socket dropped, or hanging). */
  status: number;
}

export interface Simulator {
  url: string;
  port: number;
  readonly token: string;
  close(): Promise<void>;
  faults: Faults;
  setCredit(n: number): void;
  getCredit(): number;
  setToken(t: string): void;
  /** These numbers are refused with 403 0x0214 (temporary blacklist) for the next `forMs` of the
   * simulator clock, then accepted. */
  blacklistTemporarily(msisdns: string[], forMs: number): void;
  /** Every recipient accepted, in order (cancelled messages removed). */
  log: AcceptedRecipient[];
  /** msisdns accepted more than once across all messages. */
  duplicates(): string[];
  /** Every request served, in order of decision. */
  requests: ServedRequest[];
  /** Clears log, requests and faults (credit, token and messages stay). */
  reset(): void;
  /** Stop listening and cut open connections: clients get "connection refused". */
  goOffline(): Promise<void>;
  /** Listen again on the same port. */
  goOnline(): Promise<void>;
  readonly online: boolean;
}

export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  const now = opts.now ?? Date.now;
  const state = new SimState({
    token: opts.token ?? 'demo-token',
    credit: opts.credit ?? 1000,
    currency: opts.currency ?? 'DKK',
    pricePerPart: opts.pricePerPart ?? 0.25,
    countryPrices: opts.countryPrices ?? {},
    statusDelayMs: opts.statusDelayMs ?? 3000,
    notFoundUntilMs: opts.notFoundUntilMs ?? 1000,
    firstId: opts.firstId ?? Math.max(1, Math.floor(now())),
    blockedCountries: opts.blockedCountries ?? ['IS'],
  });
  const faults: Faults = {};
  const requests: ServedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const listener = new Listener(createHandler({ state, now, faults, requests, timers }), requests);
  let closed = false;

  await listener.listen(opts.port ?? 0);
  const port = listener.port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    get token() {
      return state.token;
    },
    faults,
    log: state.log,
    requests,
    setCredit: (n) => state.setCredit(n),
    getCredit: () => state.getCredit(),
    setToken: (t) => {
      state.token = t;
    },
    blacklistTemporarily: (msisdns, forMs) => state.blacklistTemporarily(msisdns, now() + forMs),
    duplicates: () => state.duplicates(),
    reset() {
      state.clearLog();
      requests.length = 0;
      clearFaults(faults);
    },
    async goOffline() {
      await listener.stop();
    },
    async goOnline() {
      if (closed || listener.listening) return;
      await listener.listen(port);
    },
    get online() {
      return listener.listening;
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await listener.stop();
    },
  };
}
