// An Engine on a temporary data folder, talking to a real simulator on 127.0.0.1: what core tests
// and benchmarks build on. Everything it starts, close() stops and removes.
import type { Message } from '../../shared/i18n/messages';
import { translate } from '../../shared/i18n/translate';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine, type EngineEvents, type EngineOptions } from '../engine';
import { GatewayClient } from '../gateway/client';
import { writeSettings } from '../outbox/settings';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../simulator';
import type { Clock, FetchFn } from '../types';
import type { Settings } from '../../shared/contract';
import type { RecipientState } from '../../shared/states';

export interface HarnessOptions {
  /** Reuse a running simulator (not closed by close()); else one is started with `simulator`. */
  sim?: Simulator;
  simulator?: SimulatorOptions;
  /** Reuse a data folder (not removed by close()); else a fresh temp folder. */
  dataDir?: string;
  clock?: Clock;
  settings?: Partial<Settings>;
  /** Client timeout per request (the `hang` fault needs a short one); a function is read each time the
   * client is (re)built (engine.resetGateway()). */
  timeoutMs?: number | (() => number);
  /** Wraps the real fetch (to count, inspect or rewrite exchanges). */
  fetch?: (real: FetchFn) => FetchFn;
  /** Wraps the engine's client (to answer with a GatewayError of one's choosing, say). */
  client?: (real: GatewayClient) => GatewayClient;
  engine?: Partial<Omit<EngineOptions, 'dataDir' | 'gateway' | 'clock' | 'on'>>;
  /** Start the engine (take the lease, recover, run workers). Default true. */
  start?: boolean;
}

export interface Notice {
  level: string;
  key: string;
  /** English wording of `text`. */
  message: string;
  text: Message;
}

export interface Harness {
  engine: Engine;
  sim: Simulator;
  dataDir: string;
  /** The token the engine's client sends; change it to provoke or cure a 401. */
  token: { value: string };
  notices: Notice[];
  changes: number;
  /** Recipient states of every campaign. */
  counts(): Partial<Record<RecipientState, number>>;
  /** msisdn → state. */
  states(campaignId?: number): Map<string, RecipientState>;
  /** POST /rest/mtsms requests the simulator saw. */
  sends(): number;
  /** GET /rest/mtsms/{id} requests the simulator saw. */
  polls(): number;
  close(): Promise<void>;
}

export async function makeEngine(o: HarnessOptions = {}): Promise<Harness> {
  const sim = o.sim ?? (await startSimulator({ credit: 1e6, ...o.simulator }));
  const ownDir = !o.dataDir;
  const dataDir = o.dataDir ?? mkdtempSync(join(tmpdir(), 'sms-outbox-test-'));
  const token = { value: sim.token };
  const notices: Notice[] = [];
  const realFetch: FetchFn = (input, init) => fetch(input, init);
  const f = o.fetch ? o.fetch(realFetch) : realFetch;
  const h = { changes: 0 } as Harness;
  const on: Partial<EngineEvents> = {
    notice: (level, key, text) => notices.push({ level, key, text, message: translate('en', text) }),
    changed: () => {
      h.changes++;
    },
  };
  const engine = new Engine({
    dataDir,
    clock: o.clock,
    leaseCheckMs: 100,
    retry: { baseMs: 5, capMs: 50 },
    ...o.engine,
    gateway: async () => {
      const client = new GatewayClient({
        baseUrl: sim.url,
        token: async () => token.value,
        fetch: f,
        timeoutMs: typeof o.timeoutMs === 'function' ? o.timeoutMs() : o.timeoutMs,
      });
      return o.client ? o.client(client) : client;
    },
    on,
  });
  // Two workers by default, as the app runs; small batches so a few dozen recipients make several.
  writeSettings(engine.db, { maxConcurrent: 2, ...o.settings });
  if (o.start !== false) engine.start();

  const countReq = (method: string, re: RegExp) => sim.requests.filter((r) => r.method === method && re.test(r.path)).length;
  Object.assign(h, {
    engine,
    sim,
    dataDir,
    token,
    notices,
    counts: () => engine.campaigns.counts(),
    states: (campaignId?: number) => {
      const rows = engine.db
        .prepare(`SELECT msisdn, state FROM recipients ${campaignId ? 'WHERE campaign_id = ?' : ''}`)
        .all(...(campaignId ? [campaignId] : [])) as { msisdn: string; state: RecipientState }[];
      return new Map(rows.map((r) => [r.msisdn, r.state]));
    },
    sends: () => countReq('POST', /^\/rest\/mtsms\/?$/),
    polls: () => countReq('GET', /^\/rest\/mtsms\/\d+$/),
    close: async () => {
      await engine.close();
      if (!o.sim) await sim.close();
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    },
  });
  return h;
}

/** Resolves when nothing is queued, claimed, in flight or waiting for a retry. */
export function sendIdle(h: Harness): boolean {
  const c = h.counts();
  return h.engine.sendIdle() && !c.claimed && !c.in_flight && !c.queued && !c.retry_wait;
}
