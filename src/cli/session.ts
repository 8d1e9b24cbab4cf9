// Opens a data folder for a command: the engine (the same core the app runs), the gateway client
// built from --base-url or the folder's settings plus the token, and in demo mode the simulator.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Engine, type EngineOptions } from '../main/core/engine';
import { DB_FILE } from '../main/core/db/open';
import { GatewayClient } from '../main/core/gateway/client';
import { resolveBaseUrl } from '../main/core/gateway/base-url';
import { Redactor, redactingClient } from '../main/core/secrets/redact';
import { describeKeychainError } from '../main/core/secrets/secretStore';
import { DEMO_TOKEN } from '../main/core/app';
import type { Logger } from '../main/core/types';
import { startSimulator, type Simulator } from '../main/simulator';
import type { Settings } from '../shared/contract';
import type { FolderOptions, SendingOptions } from './args';
import { CliError, type CliDeps } from './deps';
import { EXIT } from './exit-codes';
import { resolveDataDir } from './folder';
import { UsageError } from './args';
import { folderModeConflict, markFolderMode as markMode } from '../main/core/folderMode';

/** The engine with this run's overrides (--base-url, --batch-size) on top of the folder's settings,
 * so one CLI run never changes what the app uses. */
export class CliEngine extends Engine {
  private patch: Partial<Settings> = {};

  constructor(opts: EngineOptions, patch: Partial<Settings>) {
    super(opts);
    this.patch = patch;
  }

  override settings(): Settings {
    // Called once from the base constructor (rate limiter), before `patch` is set.
    return { ...super.settings(), ...(this.patch ?? {}) };
  }
}

export interface Session {
  dataDir: string;
  engine: CliEngine;
  simulator: Simulator | null;
  /** Where requests go, for messages ("the simulator", "https://gatewayapi.com"). */
  target: string;
  /** Calls fn whenever the engine reports a change; returns the unsubscribe. */
  onChanged(fn: () => void): () => void;
  close(): Promise<void>;
}

export function cliLogger(deps: CliDeps): Logger {
  const debug = deps.env.SMS_OUTBOX_DEBUG === '1';
  const line = (level: string, msg: string, data?: Record<string, unknown>) =>
    deps.stderr(`sms-outbox: ${level}: ${msg}${data && Object.keys(data).length ? ' ' + JSON.stringify(data) : ''}\n`);
  return {
    info: (m, d) => debug && line('info', m, d),
    warn: (m, d) => debug && line('warning', m, d),
    error: (m, d) => line('error', m, d),
  };
}

/** Whether the folder already holds an outbox (status and import must not create one). */
export function hasOutbox(dataDir: string): boolean {
  return existsSync(join(dataDir, DB_FILE));
}

/** Opens the folder's engine without a gateway: for reading (status, import's suppression list). */
export function openReadOnly(o: FolderOptions, deps: CliDeps): { dataDir: string; engine: CliEngine | null } {
  const dataDir = resolveDataDir(o, deps.env);
  if (!hasOutbox(dataDir)) return { dataDir, engine: null };
  const engine = new CliEngine({ dataDir, gateway: async () => null, logger: cliLogger(deps) }, {});
  return { dataDir, engine };
}

/** Opens the folder for sending; fails with exit 3 when there is no token (nothing is stored). */
export async function openForSending(o: SendingOptions, deps: CliDeps, notices: (key: string, message: string) => void): Promise<Session> {
  const dataDir = resolveDataDir(o, deps.env);
  // Read after the folder checks below, so a wrong folder is reported before a missing token.
  let token: string | null = null;
  const patch: Partial<Settings> = {};
  if (o.batchSize !== null) patch.batchSize = o.batchSize;
  if (o.baseUrl !== null) Object.assign(patch, { platform: 'custom', customBaseUrl: o.baseUrl });

  let simulator: Simulator | null = null;
  if (o.demo) {
    simulator = await startSimulator({
      token: DEMO_TOKEN,
      credit: 500,
      statusDelayMs: deps.demo?.statusDelayMs ?? 4000,
      notFoundUntilMs: deps.demo?.notFoundUntilMs ?? 1000,
    });
  }
  const sim = simulator;
  const listeners = new Set<() => void>();
  let engine: CliEngine;
  try {
    engine = new CliEngine(
      {
        dataDir,
        logger: cliLogger(deps),
        gateway: async (s) => {
          if (sim) return new GatewayClient({ baseUrl: sim.url, token: DEMO_TOKEN, fetch: deps.fetch });
          const url = resolveBaseUrl(s.platform, s.customBaseUrl, { allowRemote: o.baseUrl !== null });
          if (!url.ok || !token) return null;
          // Whatever the gateway echoes back is stored and printed without any piece of the token.
          const redactor = new Redactor();
          redactor.remember(token);
          return redactingClient(new GatewayClient({ baseUrl: url.url, token, fetch: deps.fetch, userAgent: 'sms-outbox-cli' }), redactor);
        },
        pollScheduleMs: sim ? (deps.demo?.pollScheduleMs ?? [2000, 2000, 3000, 5000, 10000]) : undefined,
        validityMs: sim ? 15 * 60_000 : undefined,
        on: {
          notice: (_level, key, message) => notices(key, message),
          changed: () => listeners.forEach((fn) => fn()),
        },
      },
      patch,
    );
  } catch (e) {
    await sim?.close();
    throw e;
  }
  const close = async () => {
    try {
      await engine.close();
    } finally {
      await sim?.close();
    }
  };
  try {
    const conflict = folderModeConflict(engine.db, o.demo ? 'demo' : 'live', dataDir);
    if (conflict) throw new UsageError(conflict);
    const s = engine.settings();
    // A URL typed as --base-url may name any https host (the user chose it for this run); a stored one may not.
    const url = sim ? { ok: true as const, url: sim.url } : resolveBaseUrl(s.platform, s.customBaseUrl, { allowRemote: o.baseUrl !== null });
    if (!url.ok) {
      throw new CliError(EXIT.usage, `${url.message} (in ${dataDir}); fix it in the app's Settings, or pass --base-url.`);
    }
    if (!sim) token = await readToken(deps);
    return {
      dataDir,
      engine,
      simulator: sim,
      target: sim ? 'the built-in simulator (demo)' : url.url,
      onChanged: (fn) => {
        listeners.add(fn);
        return () => listeners.delete(fn);
      },
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}

/** Records the folder's mode once something is about to be sent from it. */
export function markFolderMode(session: Session): void {
  markMode(session.engine.db, session.simulator ? 'demo' : 'live');
}

async function readToken(deps: CliDeps): Promise<string> {
  const fromEnv = deps.env.GATEWAYAPI_TOKEN?.trim();
  if (fromEnv) return fromEnv;
  const store = deps.secrets();
  let token: string | null = null;
  let problem: string | null = null;
  try {
    token = await store.get();
    const st = store.status();
    if (!st.ok) problem = st.message;
  } catch (e) {
    problem = describeKeychainError(e).message;
  }
  // The store's advice about keeping the token in memory is for the app, not for one CLI run.
  problem = problem?.replace(/\s*The token is kept in memory.*$/s, '') ?? null;
  if (token && token.trim()) return token.trim();
  throw new CliError(
    EXIT.paused,
    `No GatewayAPI token: set GATEWAYAPI_TOKEN, or save the token in the app's Settings.${problem ? ` (${problem})` : ''}`,
  );
}
