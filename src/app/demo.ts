// Demo mode in one place: the simulator it talks to, its token and its short timings (a new user
// sees delivery reports within seconds). Used by the app, the CLI and the e2e harness.
import { randomBytes } from 'node:crypto';
import { GatewayClient } from '../core/gateway/client';
import type { GatewayFactory } from '../core/engine';
import type { FetchFn } from '../core/types';
import { startSimulator, type Simulator } from '../simulator';

/**
 * A fresh token per start: the simulator listens on plain http on this computer, and a fixed token
 * would let any other local program (or a web page's fetch to 127.0.0.1) spend the demo's outbox
 * and read its numbers with a value published in this source.
 */
export function demoToken(): string {
  return `demo-${randomBytes(24).toString('base64url')}`;
}

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
    token: demoToken(),
    credit: timings.credit ?? DEMO_DEFAULTS.credit,
    statusDelayMs: timings.statusDelayMs ?? DEMO_DEFAULTS.statusDelayMs,
    notFoundUntilMs: timings.notFoundUntilMs ?? DEMO_DEFAULTS.notFoundUntilMs,
  });
}

/** Demo never reads the keychain nor the base-URL setting: it can only reach the simulator. */
export function demoGateway(simulator: Simulator, fetch: FetchFn): GatewayFactory {
  return async () => new GatewayClient({ baseUrl: simulator.url, token: simulator.token, fetch });
}
