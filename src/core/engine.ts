// One engine per data folder: the database, the stores, and — while this process holds the sender
// lease — the sender and the pollers. Without the lease (another app or CLI is sending) it still
// serves every view from SQLite and watches for the other process's changes.
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { openDatabase, type Db } from './db/open';
import { DiskWatch, DISK_FULL_MESSAGE } from './db/diskWatch';
import { Lease } from './outbox/lease';
import { Queue } from './outbox/queue';
import { Polls } from './outbox/polls';
import { Campaigns } from './outbox/campaigns';
import { Suppression } from './outbox/suppression';
import { AccountStore } from './outbox/account';
import { campaignPage } from './outbox/campaignList';
import { Templates } from './outbox/templates';
import { readSettings, readValue, writeSettings, writeValue } from './outbox/settings';
import { folderModeConflict, markFolderMode } from './folders/folderMode';
import { countCampaign } from '../shared/campaignCounts';
import { Sender, type RetryPolicy } from './sending/sender';
import { StatusPoller, DEFAULT_POLL_SCHEDULE_MS, DEFAULT_VALIDITY_MS } from './polling/statusPoller';
import { CreditPoller } from './polling/creditPoller';
import type { GatewayClient } from './gateway/client';
import { systemClock, silentLogger, type Clock, type Logger } from './types';
import type { PauseReason } from '../shared/states';
import type { GatewayMessage, Message, MessageOf } from '../shared/i18n/messages';
import type { AccountView, CampaignListQuery, Mode, OutboxState, Settings } from '../shared/contract';

export interface EngineOptions {
  dataDir: string;
  /** Builds a client for the current settings and token, or null when there is no token. */
  gateway: GatewayFactory;
  /** This run's settings on top of the folder's (the CLI's --base-url, --batch-size); never stored. */
  settingsOverride?: Partial<Settings>;
  clock?: Clock;
  logger?: Logger;
  pollScheduleMs?: number[];
  validityMs?: number;
  creditIntervalMs?: number;
  retry?: Partial<RetryPolicy>;
  /** NO_FINAL_REPORT this long after validity (default: a tenth of it, at most an hour). */
  reportMarginMs?: number;
  /** Only to read (status, import): a read-only folder is then read from a snapshot. */
  reading?: boolean;
  /** How often a process without the lease tries to take it, and heartbeats. */
  leaseCheckMs?: number;
  random?: () => number;
  on?: Partial<EngineEvents>;
}

/** Builds a client for the given settings and the current token, or null when there is none. */
export type GatewayFactory = (settings: Settings) => Promise<GatewayClient | null>;

export interface EngineEvents {
  changed(campaignIds: number[]): void;
  account(): void;
  notice(level: 'info' | 'warning' | 'error', key: string, text: Message): void;
}

export interface SendingState {
  offline: boolean;
  /** Seconds until the next retry when waiting, else null. */
  retryInSec: number | null;
  /** Quiet hours hold the queue until then (epoch ms), else null. */
  quietUntil: number | null;
  /** Send requests under way. */
  requestsRunning: number;
  /** Why sending waits (host not found, proxy refused, GatewayAPI busy), else null. */
  cause: GatewayMessage | null;
}

export interface PauseInfo {
  reason: PauseReason;
  message: string | null;
  /** For a credit pause: the balance when it paused, so a top-up can be noticed. */
  credit?: number | null;
  /** GatewayAPI's answer (or the network failure) that paused sending, as a code. */
  cause?: GatewayMessage | null;
}

export class Engine {
  readonly db: Db;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly lease: Lease;
  readonly queue: Queue;
  readonly polls: Polls;
  readonly campaigns: Campaigns;
  readonly suppression: Suppression;
  readonly account: AccountStore;
  readonly templates: Templates;
  readonly sender: Sender;
  readonly statusPoller: StatusPoller;
  readonly creditPoller: CreditPoller;
  /** A full disk: sending pauses (in memory) until a probe write succeeds. */
  readonly disk: DiskWatch;
  private running = false;
  /** Our own workers still finishing after the lease was lost: recovery waits for them. */
  private stoppingP: Promise<void> | null = null;
  private closed = false;
  private timer: ReturnType<typeof setInterval> | null = null;
  private dataVersion = 0;
  /** Finishing decisions a crashed process left half applied (see bulkActions.ts). */
  private resuming: Promise<void> | null = null;
  private readonly events: EngineEvents;
  private clientCache: { key: string; client: Promise<GatewayClient | null> } | null = null;

  constructor(private readonly opts: EngineOptions) {
    this.clock = opts.clock ?? systemClock;
    this.logger = opts.logger ?? silentLogger;
    const now = () => this.clock.now();
    this.db = openDatabase(opts.dataDir, { now, reading: opts.reading });
    this.events = { changed() {}, account() {}, notice() {}, ...opts.on };
    this.disk = new DiskWatch({
      db: this.db,
      logger: this.logger,
      onFull: () => {
        this.events.notice('error', 'paused-disk_full', { code: 'disk_full' });
        this.events.changed([]);
      },
      onSpace: () => {
        this.events.notice('info', 'resumed-disk_full', { code: 'disk_space_back' });
        this.wake();
        this.events.changed([]);
      },
    });
    const storageFailed = (e: unknown) => this.disk.failed(e);
    this.lease = new Lease(
      this.db,
      { holder: randomUUID(), pid: process.pid, host: hostname() },
      { staleMs: Math.max(30_000, (opts.leaseCheckMs ?? 5000) * 6), now },
    );
    this.queue = new Queue(this.db, this.lease, now);
    this.polls = new Polls(this.db, now);
    this.campaigns = new Campaigns(this.db, now, this.lease.me);
    this.suppression = new Suppression(this.db, now);
    this.account = new AccountStore(this.db, now);
    this.templates = new Templates(this.db, now);
    const gateway = () => this.gateway();
    this.creditPoller = new CreditPoller({
      store: this.account,
      clock: this.clock,
      logger: this.logger,
      gateway,
      threshold: () => this.settings().lowCreditThreshold,
      changed: () => {
        this.events.account();
        this.resumeAfterTopUp();
      },
      lowCredit: (credit, currency) =>
        this.events.notice('warning', 'low-credit', {
          code: 'credit_low',
          credit,
          currency,
          threshold: this.settings().lowCreditThreshold,
        }),
      intervalMs: opts.creditIntervalMs,
      storageFailed,
    });
    this.sender = new Sender({
      queue: this.queue,
      clock: this.clock,
      logger: this.logger,
      gateway,
      config: () => this.settings(),
      paused: () => this.pauseInfo().reason,
      pause: (reason, message, cause) => this.pause(reason, message, cause ?? null),
      unpause: (reason) => {
        if (this.pauseInfo().reason !== reason) return;
        this.events.notice('info', `resumed-${reason}`, { code: 'resumed_gateway_answers' });
        this.resume();
      },
      changed: (ids) => this.events.changed(ids),
      submitted: () => {
        this.statusPoller.wake();
        this.creditPoller.nudge();
      },
      uncertain: (n) => this.events.notice('warning', 'uncertain', { code: 'uncertain_recipients', count: n }),
      leaseLost: () => void this.stopWorkers(),
      storageFailed,
      firstPollDelayMs: (opts.pollScheduleMs ?? DEFAULT_POLL_SCHEDULE_MS)[0],
      retry: opts.retry,
      random: opts.random,
    });
    this.statusPoller = new StatusPoller({
      polls: this.polls,
      clock: this.clock,
      logger: this.logger,
      gateway,
      changed: (ids) => this.events.changed(ids),
      batchFinal: (campaignId) => this.maybeFinished(campaignId),
      schedule: opts.pollScheduleMs,
      validityMs: opts.validityMs ?? DEFAULT_VALIDITY_MS,
      reportMarginMs: opts.reportMarginMs,
      storageFailed,
    });
  }

  settings(): Settings {
    return { ...readSettings(this.db), ...this.opts.settingsOverride };
  }

  /** Stores a settings change and lets the sender act on it at once. */
  updateSettings(patch: Partial<Settings>): Settings {
    const next = writeSettings(this.db, patch);
    this.resetGateway();
    this.wake();
    return next;
  }

  /** A new token: a token pause ends, and the credit is checked with it. */
  onTokenChanged(): void {
    this.resetGateway();
    if (this.pauseInfo().reason === 'auth') this.resume();
    this.creditPoller.nudge();
  }

  /** Asks GatewayAPI for the balance now. */
  refreshCredit(): Promise<void> {
    return this.creditPoller.refresh();
  }

  /** One page of the campaign list (newest first, filtered and searched): ids and the total. */
  campaignPage(query: CampaignListQuery): { total: number; ids: number[] } {
    return campaignPage(this.db, query);
  }

  /** What the outbox is doing, for the window. */
  outboxState(): OutboxState {
    const pause = this.pauseInfo();
    const { offline, retryInSec, quietUntil } = this.sendingState();
    return {
      paused: pause.reason,
      pauseMessage: pause.message,
      pauseCause: pause.cause ?? null,
      offline,
      retryInSec,
      cause: this.sender.state.cause,
      counts: this.campaigns.counts(),
      heldElsewhere: !this.holdsLease && this.lease.heldBy() != null,
      quietUntil,
      halfStored: this.campaigns.halfStored(),
    };
  }

  /** The sender's situation without counting recipients (cheap enough for every progress tick). */
  sendingState(): SendingState {
    const state = this.sender.state;
    return {
      offline: state.offline,
      retryInSec: nextAttemptInSec(state.offline || state.unreachable ? state.probeAt : state.retryAt, this.clock.now()),
      quietUntil: state.quietUntil,
      requestsRunning: state.running,
      cause: state.cause,
    };
  }

  /** The other live process sending from this folder, if any. */
  otherSender(): { pid: number | null; host: string | null } | null {
    const held = this.lease.heldBy();
    return held ? { pid: held.pid, host: held.host } : null;
  }

  accountView(): AccountView {
    const account = this.account.get();
    const threshold = this.settings().lowCreditThreshold;
    return { ...account, low: account.credit != null && account.credit < threshold, threshold };
  }

  /** Null when `mode` may send from this folder, else why not (see folderMode.ts). */
  folderModeConflict(mode: Mode): MessageOf<'folder_mode_conflict'> | null {
    return folderModeConflict(this.db, mode, this.opts.dataDir);
  }

  /** Records the folder's mode once something is about to be sent from it. */
  markFolderMode(mode: Mode): void {
    markFolderMode(this.db, mode);
  }

  /** The client for the current settings; rebuilt when they change, cleared by resetGateway(). */
  gateway(): Promise<GatewayClient | null> {
    const s = this.settings();
    const key = `${s.platform}|${s.customBaseUrl}`;
    if (!this.clientCache || this.clientCache.key !== key) {
      this.clientCache = { key, client: this.opts.gateway(s) };
    }
    return this.clientCache.client;
  }

  resetGateway(): void {
    this.clientCache = null;
  }

  pauseInfo(): PauseInfo {
    // Held in memory: a full disk cannot store its own pause.
    if (this.disk.full) return { reason: 'disk_full', message: DISK_FULL_MESSAGE };
    return readValue<PauseInfo>(this.db, 'pause') ?? { reason: null, message: null };
  }

  pause(reason: Exclude<PauseReason, null>, message: string, cause: GatewayMessage | null = null): void {
    const before = this.pauseInfo();
    const credit = reason === 'credit' ? this.account.get().credit : null;
    try {
      writeValue(this.db, 'pause', { reason, message, credit, cause });
    } catch (e) {
      // The disk is full: that pause holds everything anyway, and the cause comes back after it.
      if (!this.disk.failed(e)) throw e;
      return;
    }
    if (before.reason !== reason) {
      this.events.notice(reason === 'unreachable' ? 'warning' : 'error', `paused-${reason}`, { code: 'paused', reason, cause });
    }
    this.events.changed([]);
  }

  /** Credit topped up since the credit pause (seen by the credit poller): carry on by ourselves. */
  private resumeAfterTopUp(): void {
    const p = this.pauseInfo();
    if (p.reason !== 'credit') return;
    const now = this.account.get().credit;
    if (now == null || p.credit == null || now <= p.credit) return;
    this.events.notice('info', 'credit-topped-up', {
      code: 'credit_topped_up',
      credit: now,
      currency: this.account.get().currency ?? null,
    });
    this.resume();
  }

  resume(): void {
    this.disk.probe();
    try {
      writeValue(this.db, 'pause', null);
    } catch (e) {
      if (!this.disk.failed(e)) throw e;
    }
    this.wake();
    this.events.changed([]);
  }

  get holdsLease(): boolean {
    return this.running;
  }

  /** Takes the lease when free (else retries periodically), recovers, then starts the workers. */
  start(): void {
    if (this.timer) return;
    this.tick();
    this.timer = setInterval(() => this.tick(), this.opts.leaseCheckMs ?? 5000);
    this.timer.unref?.();
  }

  private tick(): void {
    if (this.closed) return;
    this.resumeBulkActions();
    try {
      const v = this.db.pragma('data_version', { simple: true }) as number;
      if (v !== this.dataVersion) {
        // Another connection (the CLI, or the app) committed something: refresh the views, and if we
        // are the sender, look for work it queued (our workers sleep until woken when idle).
        if (this.dataVersion !== 0) {
          this.events.changed([]);
          if (this.running) this.wake();
        }
        this.dataVersion = v;
      }
      if (this.running) {
        if (!this.lease.heartbeat()) void this.stopWorkers();
        return;
      }
      // Our own old workers may still record an answer: recovering now would call it uncertain.
      if (this.stoppingP) return;
      if (this.lease.tryAcquire() == null) return;
      const r = this.queue.recover();
      if (r.uncertain > 0) {
        this.events.notice('warning', 'uncertain', { code: 'uncertain_after_stop', count: r.uncertain });
      }
      this.running = true;
      this.sender.start();
      this.statusPoller.start();
      this.creditPoller.start();
      this.events.changed([]);
    } catch (e) {
      if (!this.disk.failed(e)) this.logger.error('engine tick failed', { error: String(e) });
    }
  }

  /** Any process with the folder open finishes a decision whose process died half-way through it. */
  private resumeBulkActions(): void {
    if (this.resuming) return;
    this.resuming = this.campaigns.bulk
      .resumeOrphans()
      .then((ids) => {
        if (ids.length === 0) return;
        this.events.changed(ids);
        if (this.running) this.wake();
      })
      .catch((e: unknown) => this.logger.error('finishing an interrupted decision failed', { error: String(e) }))
      .finally(() => {
        this.resuming = null;
      });
  }

  private async stopWorkers(): Promise<void> {
    if (!this.running) return this.stoppingP ?? undefined;
    this.running = false;
    const p = Promise.all([this.sender.stop(), this.statusPoller.stop(), this.creditPoller.stop()]).then(() => {
      this.stoppingP = null;
    });
    this.stoppingP = p;
    await p;
  }

  /** Network back, resumed from sleep, new work: try now instead of waiting out a backoff. */
  wake(): void {
    this.sender.wake();
    this.statusPoller.wake();
  }

  private maybeFinished(campaignId: number): void {
    // Runs for every batch that turns final: the full summary only once nothing is left. (Counting
    // status-less recipients as pending would also wait forever on those marked as sent.)
    if (!this.polls.campaignSettled(campaignId)) return;
    if (!this.campaigns.exists(campaignId)) return;
    const campaign = this.campaigns.get(campaignId, false);
    if (campaign.status !== 'done') return;
    // Settled: every report is final, so whatever was not delivered was refused or reported so.
    const counts = countCampaign(campaign);
    const notDelivered = counts.sendFailed + counts.notDelivered;
    this.events.notice('info', `finished-${campaignId}`, {
      code: 'campaign_finished',
      name: campaign.name,
      delivered: counts.delivered,
      notDelivered,
      uncertain: counts.uncertain,
      markedSent: counts.markedSent,
    });
  }

  /** Idle = nothing queued or in flight and no retry pending (for the CLI and tests). */
  sendIdle(): boolean {
    return this.sender.idle();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.stopWorkers();
    this.closed = true;
    await this.resuming;
    this.disk.stop();
    try {
      this.lease.release();
    } catch (e) {
      // A full disk cannot record the release: the lease is free anyway once this process is gone.
      this.logger.warn('could not release the sender lease', { error: String(e) });
    } finally {
      this.db.close();
    }
  }
}

/** Seconds until the next real attempt (the probe's time while waiting for the network), else null. */
function nextAttemptInSec(at: number | null, now: number): number | null {
  return at == null ? null : Math.max(0, Math.ceil((at - now) / 1000));
}
