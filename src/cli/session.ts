// Opens a data folder for a command through the same openFolder the app uses: the engine (with
// this run's --base-url / --batch-size on top of the folder's settings, never stored), the gateway
// client built from them plus the token, and in demo mode the simulator.
import { say } from './language';
import type { CliTarget } from '../shared/i18n/cliMessages';
import type { Message } from '../shared/i18n/messages';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Engine } from '../core/engine';
import { DB_FILE } from '../core/db/open';
import { resolveBaseUrl } from '../core/gateway/baseUrl';
import { liveGateway } from '../core/liveGateway';
import { describeKeychainError } from '../core/secrets/secretStore';
import type { Logger } from '../core/types';
import { openFolder, type OpenedFolder } from '../app/openFolder';
import type { Settings } from '../shared/contract';
import type { FolderOptions, SendingOptions } from './args';
import { CliError, type CliDeps } from './deps';
import { EXIT } from './exitCodes';
import { resolveDataDir } from './folder';
import { UsageError } from './args';

export interface Session extends OpenedFolder {
  /** Where requests go, for messages: a GatewayAPI URL, or null for the built-in simulator. */
  target: CliTarget;
  /** Calls fn whenever the engine reports a change; returns the unsubscribe. */
  onChanged(fn: () => void): () => void;
}

function cliLogger(deps: CliDeps): Logger {
  const debug = deps.env.SMS_OUTBOX_DEBUG === '1';
  const detail = (msg: string, data?: Record<string, unknown>) =>
    `${msg}${data && Object.keys(data).length ? ' ' + JSON.stringify(data) : ''}`;
  // Log lines are for whoever debugs (English, as in the app's log file); an error is also said in
  // the user's language, its detail quoted as it was logged.
  const line = (level: string, msg: string, data?: Record<string, unknown>) => deps.stderr(`sms-outbox: ${level}: ${detail(msg, data)}\n`);
  return {
    info: (m, d) => debug && line('info', m, d),
    warn: (m, d) => debug && line('warning', m, d),
    error: (m, d) => deps.stderr(`sms-outbox: ${say({ code: 'cli_log_error', detail: detail(m, d) })}\n`),
  };
}

/** Whether the folder already holds an outbox (status and import must not create one). */
function hasOutbox(dataDir: string): boolean {
  return existsSync(join(dataDir, DB_FILE));
}

/** Opens the folder's engine without a gateway: for reading (status, import's suppression list). */
export async function openReadOnly(o: FolderOptions, deps: CliDeps): Promise<{ dataDir: string; engine: Engine | null }> {
  const dataDir = resolveDataDir(o, deps.env);
  if (!hasOutbox(dataDir)) return { dataDir, engine: null };
  const opened = await openFolder({
    dataDir,
    mode: o.demo ? 'demo' : 'live',
    purpose: 'read',
    fetch: deps.fetch,
    liveGateway: async () => null,
    engine: { logger: cliLogger(deps), reading: true },
  });
  tellHalfStored(opened.engine, deps);
  return { dataDir, engine: opened.engine };
}

/**
 * Campaigns a crash left half-stored are never listed nor sent: every command that opens the folder
 * says so (the window shows the same as a banner with a Discard button).
 */
function tellHalfStored(engine: Engine, deps: CliDeps): void {
  for (const c of engine.campaigns.halfStored()) {
    deps.stderr(`${say({ code: 'campaign_half_stored', name: c.name, stored: c.stored, createdAt: c.createdAt })}\n`);
  }
}

/** Opens the folder for sending; fails with exit 3 when there is no token (nothing is stored). */
export async function openForSending(o: SendingOptions, deps: CliDeps, notices: (key: string, message: string) => void): Promise<Session> {
  const dataDir = resolveDataDir(o, deps.env);
  // Read after the folder checks below, so a wrong folder is reported before a missing token.
  let token: string | null = null;
  const settingsOverride: Partial<Settings> = {};
  if (o.batchSize !== null) settingsOverride.batchSize = o.batchSize;
  if (o.baseUrl !== null) Object.assign(settingsOverride, { platform: 'custom', customBaseUrl: o.baseUrl });
  const listeners = new Set<() => void>();
  const opened = await openFolder({
    dataDir,
    mode: o.demo ? 'demo' : 'live',
    fetch: deps.fetch,
    liveGateway: liveGateway({
      fetch: deps.fetch,
      token: async () => token,
      userAgent: 'sms-outbox-cli',
      allowRemoteCustomUrl: o.baseUrl !== null,
    }),
    demo: deps.demo,
    engine: {
      logger: cliLogger(deps),
      settingsOverride,
      on: {
        notice: (_level, key, text) => notices(key, say(text)),
        changed: () => listeners.forEach((fn) => fn()),
      },
    },
  });
  try {
    if (opened.conflict) throw new UsageError(opened.conflict);
    const { simulator, engine } = opened;
    const settings = engine.settings();
    // A URL typed as --base-url may name any https host (the user chose it for this run); a stored one may not.
    const url = simulator
      ? { ok: true as const, url: simulator.url }
      : resolveBaseUrl(settings.platform, settings.customBaseUrl, { allowRemote: o.baseUrl !== null });
    if (!url.ok) {
      throw new CliError(EXIT.usage, { code: 'cli_base_url_setting', problem: url.text, dataDir });
    }
    if (!simulator) token = await readToken(deps);
    tellHalfStored(engine, deps);
    return {
      ...opened,
      target: simulator ? null : url.url,
      onChanged: (fn) => {
        listeners.add(fn);
        return () => listeners.delete(fn);
      },
    };
  } catch (e) {
    await opened.close();
    throw e;
  }
}

async function readToken(deps: CliDeps): Promise<string> {
  const fromEnv = deps.env.GATEWAYAPI_TOKEN?.trim();
  if (fromEnv) return fromEnv;
  const store = deps.secrets();
  let token: string | null = null;
  let problem: Message | null = null;
  try {
    token = await store.get();
    const st = store.status();
    if (!st.ok) problem = st.text ?? null;
  } catch (e) {
    problem = describeKeychainError(e).text;
  }
  if (token && token.trim()) return token.trim();
  throw new CliError(EXIT.paused, { code: 'cli_no_token', problem });
}
