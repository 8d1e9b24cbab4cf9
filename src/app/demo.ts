// Demo mode in one place: the simulator it talks to, its token and its short timings (a new user
// sees delivery reports within seconds). Used by the app, the CLI and the e2e harness.
import { GatewayClient } from '../core/gateway/client';
import type { GatewayFactory } from '../core/engine';
import type { FetchFn } from '../core/types';
import { startSimulator, type Simulator } from '../simulator';

const DEMO_TOKEN = 'demo-token-not-a-real-secret';

export interface DemoTimings {
  statusDelayMs?: number;
  notFoundUntilMs?: number;
  pollScheduleMs?: number[];
  credit?: number;
}

export const DEMO_DEFAULTS = {
  credit: 500,
  statusDelayMs: 4000,
  notFoundUntilMs: 1000,
  pollScheduleMs: [2000, 2000, 3000, 5000, 10000],
  /** Demo messages expire after 15 minutes instead of GatewayAPI's 72 hours. */
  validityMs: 15 * 60_000,
} as const;

export function startDemoSimulator(timings: DemoTimings = {}): Promise<Simulator> {
  return startSimulator({
    token: DEMO_TOKEN,
    credit: timings.credit ?? DEMO_DEFAULTS.credit,
    statusDelayMs: timings.statusDelayMs ?? DEMO_DEFAULTS.statusDelayMs,
    notFoundUntilMs: timings.notFoundUntilMs ?? DEMO_DEFAULTS.notFoundUntilMs,
  });
}

/** Demo never reads the keychain nor the base-URL setting: it can only reach the simulator. */
export function demoGateway(simulator: Simulator, fetch: FetchFn): GatewayFactory {
  return async () => new GatewayClient({ baseUrl: simulator.url, token: DEMO_TOKEN, fetch });
}
