// Pure display helpers: what the header, banners and results view say, computed from bridge data.
import { countCampaign } from '../../shared/campaignCounts';
import { columnNames } from '../../shared/columns';
import type { CampaignSummary, OutboxState } from '../../shared/contract';
import { isKnownStatus, type PauseReason } from '../../shared/states';
import { intlLocale, say, t } from './i18n';

/** Timestamps arrive as unix seconds (sendAt) or milliseconds (clock.now()); accept both. */
export function toMs(t: number): number {
  return t < 1e11 ? t * 1000 : t;
}

export function formatTime(t: number | null | undefined): string {
  if (t == null) return '—';
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'short', timeStyle: 'short' }).format(new Date(toMs(t)));
}

/** Hours and minutes only, in the user's locale ("08:00", "08.00"). */
export function formatClock(t: number): string {
  return new Intl.DateTimeFormat(intlLocale(), { hour: '2-digit', minute: '2-digit' }).format(new Date(toMs(t)));
}

/** A time as an `<input type="datetime-local">` value (local time, minutes). */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * Two decimals, or up to four for sub-unit prices (0.0425), in the user's locale, followed by the ISO
 * currency code: accounts are billed in DKK, EUR, SEK… and the code is unambiguous in every language.
 */
export function formatMoney(amount: number | null | undefined, currency: string | null | undefined): string {
  if (amount == null) return '—';
  const small = Math.abs(amount) < 1 && amount !== 0;
  const n = new Intl.NumberFormat(intlLocale(), { minimumFractionDigits: 2, maximumFractionDigits: small ? 4 : 2 }).format(amount);
  return currency ? `${n} ${currency}` : n;
}

export function formatCount(n: number): string {
  return new Intl.NumberFormat(intlLocale()).format(n);
}

export function pauseReasonText(reason: PauseReason): string {
  return reason ? t(`outbox.pauseReason.${reason}`) : '';
}

const WAITING_STATES = ['queued', 'claimed', 'in_flight', 'retry_wait'] as const;

/** Recipients still to be written to GatewayAPI. */
export function waitingCount(state: OutboxState): number {
  return WAITING_STATES.reduce((sum, s) => sum + (state.counts[s] ?? 0), 0);
}

export interface OutboxLabel {
  text: string;
  tone: 'idle' | 'busy' | 'warn' | 'error';
  canResume: boolean;
}

export function outboxLabel(state: OutboxState | null): OutboxLabel {
  if (!state) return { text: t('outbox.loading'), tone: 'idle', canResume: false };
  const waiting = waitingCount(state);
  const count = waiting;
  if (state.paused) {
    return {
      text: t('outbox.paused', { reason: state.pauseMessage ?? pauseReasonText(state.paused) }),
      tone: state.paused === 'user' ? 'warn' : 'error',
      canResume: true,
    };
  }
  if (state.heldElsewhere) return { text: t('outbox.heldElsewhere'), tone: 'warn', canResume: false };
  if (state.offline) return { text: t('outbox.offline', { count }), tone: 'warn', canResume: false };
  if (state.quietUntil != null && waiting > 0) {
    return { text: t('outbox.quiet', { count, until: formatClock(state.quietUntil) }), tone: 'idle', canResume: false };
  }
  if (waiting > 0) {
    const text = state.retryInSec != null ? t('outbox.sendingRetry', { count, seconds: state.retryInSec }) : t('outbox.sending', { count });
    return { text, tone: 'busy', canResume: false };
  }
  return { text: t('outbox.idle'), tone: 'idle', canResume: false };
}

export interface ChartBar {
  key: string;
  label: string;
  count: number;
  tone: 'ok' | 'bad' | 'pending' | 'uncertain' | 'muted';
}

const STATUS_TONES: Record<string, ChartBar['tone']> = {
  DELIVERED: 'ok',
  ACCEPTED: 'ok',
  UNDELIVERABLE: 'bad',
  REJECTED: 'bad',
  EXPIRED: 'bad',
  DELETED: 'bad',
  SKIPPED: 'bad',
  NO_FINAL_REPORT: 'muted',
  PENDING: 'pending',
  UNKNOWN: 'pending',
  SCHEDULED: 'pending',
  BUFFERED: 'pending',
  ENROUTE: 'pending',
};

/**
 * The chart label: a delivery status or one of our own states in the shared catalogs' words (the same
 * as the table's and the exports'); only the chart's own two groupings live in the renderer's catalog.
 */
function barLabel(key: string): string {
  if (key === 'waiting' || key === 'failed') return t(`campaigns.bars.${key}`);
  if (key === 'uncertain' || key === 'marked_sent' || key === 'cancelled') return say({ code: 'state_name', state: key });
  return isKnownStatus(key) || key === 'PENDING' ? say({ code: 'status_name', status: key }) : key;
}

export interface CampaignStats {
  delivered: number;
  failed: number;
  pending: number;
  uncertain: number;
  cancelled: number;
  /** Delivered share of the recipients that were meant to be sent (cancelled ones excluded); null if none. */
  rate: number | null;
  bars: ChartBar[];
}

/** Counts for one campaign: delivery statuses plus our own send failures, uncertain and cancelled. */
export function campaignStats(c: CampaignSummary): CampaignStats {
  const counts = countCampaign(c);
  const bars: ChartBar[] = [];
  for (const [key, count] of Object.entries(c.statuses)) {
    if (!count) continue;
    const tone = STATUS_TONES[key] ?? 'muted';
    bars.push({ key, label: barLabel(key), count, tone });
  }
  // Recipients not yet handed to GatewayAPI have no delivery status at all; "marked as sent" rows
  // never get a report: both shown apart.
  if (counts.unsent) bars.push({ key: 'waiting', label: barLabel('waiting'), count: counts.unsent, tone: 'pending' });
  if (counts.sendFailed) bars.push({ key: 'failed', label: barLabel('failed'), count: counts.sendFailed, tone: 'bad' });
  if (counts.uncertain) bars.push({ key: 'uncertain', label: barLabel('uncertain'), count: counts.uncertain, tone: 'uncertain' });
  if (counts.markedSent) bars.push({ key: 'marked_sent', label: barLabel('marked_sent'), count: counts.markedSent, tone: 'muted' });
  if (counts.cancelled) bars.push({ key: 'cancelled', label: barLabel('cancelled'), count: counts.cancelled, tone: 'muted' });
  const base = c.total - counts.cancelled;
  return {
    delivered: counts.delivered,
    failed: counts.undelivered + counts.sendFailed,
    pending: counts.awaitingReport + counts.unsent,
    uncertain: counts.uncertain,
    cancelled: counts.cancelled,
    rate: base > 0 ? counts.delivered / base : null,
    bars: bars.sort((a, b) => b.count - a.count),
  };
}

export function percent(part: number, whole: number): string {
  const p = whole > 0 ? part / whole : 0;
  const digits = p * 100 >= 10 || p === 0 ? 0 : 1;
  return new Intl.NumberFormat(intlLocale(), { style: 'percent', maximumFractionDigits: digits }).format(p);
}

/** `<input type="datetime-local">` value (local time) → unix seconds; null when empty or invalid. */
export function localInputToUnix(value: string): number | null {
  if (!value) return null;
  const ms = new Date(value).getTime();
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : null;
}

/** Merge-field tags the message uses, e.g. "Hej %Navn%" → ["Navn"]. */
export function mergeTagsIn(message: string): string[] {
  const out: string[] = [];
  for (const m of message.matchAll(/%([^%\s][^%]{0,63})%/g)) {
    if (!out.includes(m[1])) out.push(m[1]);
  }
  return out;
}

/**
 * The preview as the user's header choice shows it: main sniffed whether row 1 is a header; when
 * the user overrides that, row 1 moves between the header and the data rows. `headers` always names
 * every column (columnNames), with or without a header row.
 */
export function previewTable(
  preview: { hasHeader: boolean; headers: string[]; sampleRows: string[][] },
  hasHeader: boolean,
): { headers: string[]; rows: string[][] } {
  let headers: string[];
  let rows: string[][];
  if (hasHeader === preview.hasHeader) {
    headers = hasHeader ? preview.headers : [];
    rows = preview.sampleRows;
  } else if (hasHeader) {
    headers = preview.sampleRows[0] ?? [];
    rows = preview.sampleRows.slice(1);
  } else {
    headers = [];
    rows = preview.headers.length ? [preview.headers, ...preview.sampleRows] : preview.sampleRows;
  }
  // Every column gets a name, so a file without a header row still has merge fields (%Column 2%).
  const width = Math.max(headers.length, 0, ...rows.map((r) => r.length), ...(preview.hasHeader ? [preview.headers.length] : []));
  return { headers: columnNames(headers, width), rows };
}

export { columnNames };

/** Why a "Send at" value cannot be used (empty, unreadable or not in the future), else null. */
export function scheduleProblem(value: string, nowMs: number): string | null {
  const at = localInputToUnix(value);
  if (at == null) return t('send.errors.pickTime');
  // A minute's margin: the confirmation and the request take a moment, and a time that has passed
  // by then would send at once instead of waiting.
  if (at * 1000 < nowMs + 60_000) return t('send.errors.future');
  return null;
}

/** What the campaign's status chip says: never "Done" while recipients still wait for a report. */
export type DisplayStatus = CampaignSummary['status'] | 'reporting' | 'scheduled';

export function displayStatus(c: CampaignSummary, stats: Pick<CampaignStats, 'pending'>): DisplayStatus {
  if (c.status !== 'done' || stats.pending === 0) return c.status;
  return (c.states.scheduled ?? 0) > 0 ? 'scheduled' : 'reporting';
}
