// The Electron-free composition root shared by the Electron shell and the e2e harness: it owns the
// mode (live or demo), the engine for that mode's data folder, the import sessions, and answers
// every bridge call through one validated dispatcher.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppError, type Result } from '../../shared/result';
import type {
  AccountView,
  AppStatus,
  Estimate,
  EventName,
  EventPayloads,
  OutboxState,
  SettingsView,
} from '../../shared/contract';
import { createDispatch, type Handlers } from './dispatch';
import { Engine } from './engine';
import { GatewayClient } from './gateway/client';
import { resolveBaseUrl } from './gateway/base-url';
import { ImportSessions, reportOf, campaignFromAnalysis } from './importing/sessions';
import { normaliseMsisdn } from './importing';
import { importSuppressionFile } from './importing/suppression-file';
import { rejectedRowsCsv } from './exports/rejected-rows-csv';
import { resultsCsv } from './exports/results-csv';
import { smsParts } from '../../shared/sms';
import { demoDataDir } from './paths';
import { folderModeConflict, markFolderMode } from './folderMode';
import type { SecretStore } from './secrets/secretStore';
import { Redactor, redactingClient, redactingLogger } from './secrets/redact';
import { systemClock, silentLogger, type Clock, type FetchFn, type Logger } from './types';
import { startSimulator, type Simulator } from '../simulator';
import { updateSettings } from './outbox/settings';
import type { CountryCode } from 'libphonenumber-js';

export interface AppOptions {
  /** The live data folder (demo data lives in its own folder inside it). */
  dataDir: string;
  fetch: FetchFn;
  secrets: SecretStore;
  emit: (event: EventName, payload: unknown) => void;
  clock?: Clock;
  logger?: Logger;
  version?: string;
  /** Demo timings (short, so a new user sees delivery within seconds). */
  demo?: { statusDelayMs?: number; notFoundUntilMs?: number; pollScheduleMs?: number[]; credit?: number };
}

export interface SmsOutboxApp {
  dispatch(name: string, input: unknown): Promise<Result<unknown>>;
  wake(): void;
  close(): Promise<void>;
  /** For tests and the harness. */
  readonly engine: Engine;
  readonly simulator: Simulator | null;
}

type Mode = 'live' | 'demo';
const MODE_FILE = 'mode.json';

function readMode(dir: string): Mode {
  try {
    const m = JSON.parse(readFileSync(join(dir, MODE_FILE), 'utf8')) as { mode?: string };
    return m.mode === 'demo' ? 'demo' : 'live';
  } catch {
    return 'live';
  }
}

export const DEMO_TOKEN = 'demo-token-not-a-real-secret';

export async function openApp(opts: AppOptions): Promise<SmsOutboxApp> {
  const clock = opts.clock ?? systemClock;
  // The token never reaches the window, logs or SQLite, not even a piece of it (see redact.ts).
  const redactor = new Redactor();
  redactor.remember(await opts.secrets.get().catch(() => null));
  const logger = redactingLogger(opts.logger ?? silentLogger, redactor);
  const emit = <E extends EventName>(e: E, p: EventPayloads[E]) => opts.emit(e, redactor.deep(p));
  mkdirSync(opts.dataDir, { recursive: true });
  let mode: Mode = readMode(opts.dataDir);
  let simulator: Simulator | null = null;
  let engine!: Engine;
  const imports = new ImportSessions();
  let folderProblem: string | null = null;
  const markSending = () => {
    if (folderProblem) throw new AppError('conflict', folderProblem);
    markFolderMode(engine.db, mode);
  };

  const folder = () => (mode === 'demo' ? demoDataDir(opts.dataDir) : opts.dataDir);

  const accountView = (): AccountView => {
    const a = engine.account.get();
    const threshold = engine.settings().lowCreditThreshold;
    return { ...a, low: a.credit != null && a.credit < threshold, threshold };
  };

  async function openEngine(): Promise<void> {
    if (mode === 'demo') {
      simulator = await startSimulator({
        token: DEMO_TOKEN,
        credit: opts.demo?.credit ?? 500,
        statusDelayMs: opts.demo?.statusDelayMs ?? 4000,
        notFoundUntilMs: opts.demo?.notFoundUntilMs ?? 1000,
      });
    }
    const sim = simulator;
    engine = new Engine({
      dataDir: folder(),
      clock,
      logger,
      // Demo never reads the keychain nor the base-URL setting: it can only reach the simulator.
      gateway: async (s) => {
        if (sim) return new GatewayClient({ baseUrl: sim.url, token: DEMO_TOKEN, fetch: opts.fetch });
        const token = await opts.secrets.get().catch(() => null);
        if (!token) return null;
        redactor.remember(token);
        const url = resolveBaseUrl(s.platform, s.customBaseUrl);
        if (!url.ok) return null;
        return redactingClient(new GatewayClient({ baseUrl: url.url, token: () => opts.secrets.get(), fetch: opts.fetch }), redactor);
      },
      pollScheduleMs: sim ? (opts.demo?.pollScheduleMs ?? [2000, 2000, 3000, 5000, 10000]) : undefined,
      validityMs: sim ? 15 * 60_000 : undefined,
      on: {
        changed: throttle((ids) => emit('outbox.changed', { campaignIds: ids }), 250),
        account: () => emit('account.changed', accountView()),
        notice: (level, key, message) => emit('notice', { level, key, message }),
      },
    });
    // A folder the CLI used in the other mode is never sent from (demo messages must not go out for real).
    folderProblem = folderModeConflict(engine.db, mode, folder());
    if (folderProblem) emit('notice', { level: 'error', key: 'folder-mode', message: `Sending is off: ${folderProblem}` });
    else engine.start();
  }

  async function closeEngine(): Promise<void> {
    await engine.close();
    await simulator?.close();
    simulator = null;
  }

  await openEngine();

  const appStatus = async (): Promise<AppStatus> => {
    const token = mode === 'demo' ? null : await opts.secrets.get().catch(() => null);
    const ks = opts.secrets.status();
    return {
      mode,
      dataDir: folder(),
      token: { set: mode === 'demo' || !!token, hint: token ? `…${token.slice(-4)}` : null },
      keychain: { ok: ks.ok, message: ks.message },
      version: opts.version ?? '0.0.0',
    };
  };
  const settingsView = async (): Promise<SettingsView> => ({ settings: engine.settings(), app: await appStatus() });

  const outboxState = (): OutboxState => {
    const p = engine.pauseInfo();
    const st = engine.sender.state;
    return {
      paused: p.reason,
      pauseMessage: p.message,
      offline: st.offline,
      retryInSec: st.retryAt ? Math.max(0, Math.round((st.retryAt - clock.now()) / 1000)) : null,
      counts: engine.campaigns.counts(),
      heldElsewhere: !engine.holdsLease && engine.lease.heldBy() != null,
      quietUntil: st.quietUntil,
    };
  };

  const requireCampaign = (id: number) => {
    if (!engine.campaigns.exists(id)) throw new AppError('not_found', `There is no campaign ${id}.`, 'campaignId');
  };
  const changed = (ids: number[]) => {
    engine.wake();
    emit('outbox.changed', { campaignIds: ids });
  };

  async function estimate(importId: string, message: string): Promise<Estimate> {
    const s = engine.settings();
    const held = imports.get(importId);
    // The mapping the user confirmed in import.analyse (else the guess); only the message may differ.
    const w = held.analysedWith;
    const analysis = await imports.analyse(
      importId,
      {
        hasHeader: w?.hasHeader ?? held.preview.hasHeader,
        phoneColumn: w?.phoneColumn ?? held.preview.phoneColumn ?? 0,
        defaultCountry: w?.defaultCountry ?? s.defaultCountry,
        message,
        maxParts: s.maxParts,
      },
      engine.suppression.snapshot(),
      () => {},
    );
    await refreshPrices();
    const acc = engine.account.get();
    const currency = acc.currency ?? 'EUR';
    const byCountry = new Map<string, { recipients: number; parts: number }>();
    let parts = 0;
    for (const r of analysis.accepted) {
      const c = r.country ?? '??';
      const e = byCountry.get(c) ?? { recipients: 0, parts: 0 };
      e.recipients++;
      e.parts += r.parts;
      parts += r.parts;
      byCountry.set(c, e);
    }
    const missing: string[] = [];
    let total: number | null = 0;
    const lines = [...byCountry].map(([country, e]) => {
      const unit = engine.account.price(country, currency);
      if (unit == null) missing.push(country);
      const cost = unit == null ? null : round2(unit * e.parts);
      if (cost == null) total = null;
      else if (total != null) total += cost;
      return { country, recipients: e.recipients, parts: e.parts, unitPrice: unit, cost };
    });
    const t = total == null ? null : round2(total);
    return {
      recipients: analysis.accepted.length,
      parts,
      lines,
      currency,
      total: t,
      priceListDate: engine.account.pricesAt(),
      credit: acc.credit,
      exceedsCredit: t != null && acc.credit != null && t > acc.credit,
      missingPrices: missing,
    };
  }

  async function refreshPrices(): Promise<void> {
    const at = engine.account.pricesAt();
    if (at != null && clock.now() - at < 24 * 3600_000) return;
    const client = await engine.gateway();
    if (!client) return;
    try {
      engine.account.savePrices(await client.prices());
    } catch (e) {
      logger.warn('price list refresh failed; using the cached one', { error: String(e) });
    }
  }

  const handlers: Handlers = {
    'settings.get': () => settingsView(),
    'settings.update': async (patch) => {
      updateSettings(engine.db, patch);
      engine.resetGateway();
      engine.wake();
      return settingsView();
    },
    'token.set': async ({ token }) => {
      if (mode === 'demo') throw new AppError('invalid_input', 'Demo mode uses the built-in simulator; switch to live mode to set a token.', 'token');
      redactor.remember(token);
      await opts.secrets.set(token);
      engine.resetGateway();
      if (engine.pauseInfo().reason === 'auth') engine.resume();
      engine.creditPoller.nudge();
      return settingsView();
    },
    'token.clear': async () => {
      await opts.secrets.clear();
      engine.resetGateway();
      return settingsView();
    },
    'mode.set': async ({ mode: next }) => {
      if (next !== mode) {
        await closeEngine();
        mode = next;
        writeFileSync(join(opts.dataDir, MODE_FILE), JSON.stringify({ mode }));
        await openEngine();
        emit('outbox.changed', { campaignIds: [] });
      }
      return settingsView();
    },

    'account.get': () => accountView(),
    'account.refresh': async () => {
      await engine.creditPoller.refresh();
      return accountView();
    },

    'outbox.state': () => outboxState(),
    'outbox.pause': () => {
      engine.pause('user', 'Paused by you.');
      return outboxState();
    },
    'outbox.resume': () => {
      engine.resume();
      return outboxState();
    },

    'import.preview': ({ fileName, dataBase64 }) =>
      imports.preview(fileName, Buffer.from(dataBase64, 'base64'), (h) => engine.campaigns.findByFileHash(h)),
    'import.analyse': async (a) => {
      const analysis = await imports.analyse(
        a.importId,
        { ...a, maxParts: engine.settings().maxParts },
        engine.suppression.snapshot(),
        (done, total, phase) => emit('import.progress', { importId: a.importId, done, total, phase }),
      );
      return reportOf(a.importId, analysis);
    },
    'import.cancel': ({ importId }) => {
      imports.cancel(importId);
      return null;
    },
    'import.rejectedCsv': async ({ importId }) => {
      const h = imports.get(importId);
      if (!h.analysis) throw new AppError('not_found', 'Check the file first.', 'importId');
      return { fileName: h.fileName.replace(/\.[^.]*$/, '') + '-rejected.csv', csv: await rejectedRowsCsv(h.analysis) };
    },

    'campaign.estimate': ({ importId, message }) => estimate(importId, message),
    'campaign.create': async (c) => {
      // GatewayAPI sends a past sendtime at once: a schedule must be in the future to mean anything.
      if (c.sendAt != null && c.sendAt * 1000 < clock.now() + 30_000) {
        throw new AppError('invalid_input', 'Pick a time at least a minute in the future, or send now.', 'sendAt');
      }
      const est = await estimate(c.importId, c.message);
      if (est.recipients === 0) throw new AppError('invalid_input', 'No recipient in this file can be sent to.', 'importId');
      if (!c.confirm) {
        throw new AppError(
          'needs_confirmation',
          `Send this message to ${est.recipients} recipients (${est.parts} SMS parts${
            est.total != null ? `, about ${est.total} ${est.currency}` : ''
          })?${est.exceedsCredit ? ` The estimate exceeds your credit of ${est.credit} ${est.currency}.` : ''}`,
        );
      }
      markSending();
      const h = imports.get(c.importId);
      const res = await engine.campaigns.createInChunks(
        campaignFromAnalysis(h.analysis!, {
          name: c.name,
          sender: c.sender,
          sendAt: c.sendAt,
          fileName: h.fileName,
          fileHash: h.fileHash,
          estimateCost: est.total,
          currency: est.currency,
        }),
      );
      imports.discard(c.importId);
      changed([res.campaignId]);
      return res;
    },
    'campaign.sendTest': async (t) => {
      const s = engine.settings();
      const n = normaliseMsisdn(t.msisdn, s.defaultCountry as CountryCode);
      if (!n.ok) throw new AppError('invalid_input', `Test number: ${n.message}`, 'msisdn');
      markSending();
      const p = smsParts(t.message);
      const res = engine.campaigns.create({
        name: `Test to ${n.msisdn}`,
        kind: 'test',
        sender: t.sender,
        message: t.message,
        tags: [],
        sendAt: null,
        fileName: null,
        fileHash: null,
        estimateCost: null,
        currency: null,
        recipients: [{ rowNo: 1, msisdn: n.msisdn, country: n.country ?? null, name: null, tagvalues: null, encoding: p.encoding, parts: p.parts }],
      });
      changed([res.campaignId]);
      return { campaignId: res.campaignId };
    },
    'campaign.list': () => engine.campaigns.list(mode === 'demo'),
    'campaign.recipients': (q) => {
      requireCampaign(q.campaignId);
      return engine.campaigns.recipients(q);
    },
    'campaign.pause': ({ campaignId }) => {
      requireCampaign(campaignId);
      engine.campaigns.setStatus(campaignId, 'paused');
      changed([campaignId]);
      return engine.campaigns.get(campaignId, mode === 'demo');
    },
    'campaign.resume': ({ campaignId }) => {
      requireCampaign(campaignId);
      engine.campaigns.setStatus(campaignId, 'active');
      changed([campaignId]);
      return engine.campaigns.get(campaignId, mode === 'demo');
    },
    'campaign.cancel': ({ campaignId }) => {
      requireCampaign(campaignId);
      engine.campaigns.cancel(campaignId);
      changed([campaignId]);
      return engine.campaigns.get(campaignId, mode === 'demo');
    },
    'campaign.resolveUncertain': ({ campaignId, recipientIds, action }) => {
      requireCampaign(campaignId);
      const n = engine.campaigns.resolveUncertain(campaignId, recipientIds, action);
      changed([campaignId]);
      return { changed: n };
    },
    'campaign.resendFailed': ({ campaignId }) => {
      requireCampaign(campaignId);
      const n = engine.campaigns.resendFailed(campaignId);
      changed([campaignId]);
      return { requeued: n };
    },
    'campaign.exportCsv': async ({ campaignId }) => {
      requireCampaign(campaignId);
      const c = engine.campaigns.get(campaignId, mode === 'demo');
      return { fileName: `${c.name.replace(/[^\w.-]+/g, '_')}-results.csv`, csv: await resultsCsv(engine.campaigns, campaignId) };
    },
    'campaign.attempts': ({ campaignId }) => {
      requireCampaign(campaignId);
      return engine.campaigns.attempts(campaignId);
    },
    'campaign.cancelScheduled': async ({ campaignId }) => {
      requireCampaign(campaignId);
      const client = await engine.gateway();
      if (!client) throw new AppError('gateway', 'No GatewayAPI token is set.');
      let cancelled = 0;
      let alreadySent = 0;
      for (const b of engine.campaigns.scheduledBatches(campaignId)) {
        const r = await client.cancel(b.gatewayId);
        if (r === 'deleted') {
          engine.campaigns.markBatchCancelled(b.id);
          cancelled++;
        } else alreadySent++;
      }
      changed([campaignId]);
      return { cancelled, alreadySent };
    },

    'suppression.list': ({ search, offset, limit }) => engine.suppression.list(search, offset, limit),
    'suppression.add': ({ numbers, reason }) => addSuppressed(numbers, reason),
    'suppression.remove': ({ msisdn }) => ({ removed: engine.suppression.remove(msisdn) }),
    'suppression.import': ({ fileName, dataBase64 }) =>
      importSuppressionFile(Buffer.from(dataBase64, 'base64'), fileName, engine.settings().defaultCountry as CountryCode, (m) =>
        engine.suppression.add(m, `Imported from ${fileName}`),
      ),
  };

  function addSuppressed(numbers: string[], reason: string | null) {
    const country = engine.settings().defaultCountry as CountryCode;
    const good: string[] = [];
    const invalid: { value: string; message: string }[] = [];
    for (const v of numbers) {
      const n = normaliseMsisdn(v, country);
      if (n.ok) good.push(n.msisdn);
      else invalid.push({ value: v, message: n.message });
    }
    const added = engine.suppression.add(good, reason);
    return { added, invalid: invalid.slice(0, 100) };
  }

  const dispatchCall = createDispatch(handlers, logger);
  return {
    dispatch: async (name, input) => redactor.deepAsync(await dispatchCall(name, input)),
    wake: () => engine.wake(),
    close: () => closeEngine(),
    get engine() {
      return engine;
    },
    get simulator() {
      return simulator;
    },
  };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

function throttle(fn: (ids: number[]) => void, ms: number): (ids: number[]) => void {
  let pending: Set<number> | null = null;
  return (ids) => {
    if (pending) {
      for (const i of ids) pending.add(i);
      return;
    }
    pending = new Set(ids);
    setTimeout(() => {
      const p = pending!;
      pending = null;
      fn([...p]);
    }, ms).unref?.();
  };
}
