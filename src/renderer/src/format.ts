// Pure display helpers: what the header, banners and results view say, computed from bridge data.
import { columnNames } from '../../shared/columns';
import type { CampaignSummary, OutboxState } from '../../shared/contract';
import type { PauseReason } from '../../shared/states';

/** Timestamps arrive as unix seconds (sendAt) or milliseconds (clock.now()); accept both. */
export function toMs(t: number): number {
  return t < 1e11 ? t * 1000 : t;
}

export function formatTime(t: number | null | undefined): string {
  if (t == null) return '—';
  const d = new Date(toMs(t));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Two decimals, or up to four for sub-unit prices (0.0425), never trailing zeros past two. */
export function formatMoney(amount: number | null | undefined, currency: string | null | undefined): string {
  if (amount == null) return '—';
  let n = amount.toFixed(Math.abs(amount) < 1 && amount !== 0 ? 4 : 2);
  n = n.replace(/(\.\d\d\d*?)0+$/, '$1');
  return currency ? `${n} ${currency}` : n;
}

/** "1 message", "3 messages". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

export function pauseReasonText(reason: PauseReason): string {
  switch (reason) {
    case 'auth':
      return 'GatewayAPI refused the token';
    case 'credit':
      return 'credit exhausted';
    case 'frozen':
      return 'account frozen';
    case 'account':
      return 'GatewayAPI refused the account';
    case 'unreachable':
      return 'GatewayAPI is not answering';
    case 'user':
      return 'paused by you';
    default:
      return '';
  }
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
  if (!state) return { text: 'Loading…', tone: 'idle', canResume: false };
  const waiting = waitingCount(state);
  if (state.paused) {
    return {
      text: `Paused: ${state.pauseMessage ?? pauseReasonText(state.paused)}`,
      tone: state.paused === 'user' ? 'warn' : 'error',
      canResume: true,
    };
  }
  if (state.heldElsewhere) return { text: 'Another sms-outbox is sending from this data folder', tone: 'warn', canResume: false };
  if (state.offline) return { text: `Offline — ${formatCount(waiting)} queued`, tone: 'warn', canResume: false };
  if (state.quietUntil != null && waiting > 0) {
    const until = formatTime(state.quietUntil).slice(11);
    return { text: `Quiet hours — ${formatCount(waiting)} queued until ${until}`, tone: 'idle', canResume: false };
  }
  if (waiting > 0) {
    const retry = state.retryInSec != null ? ` (retry in ${state.retryInSec} s)` : '';
    return { text: `Sending… ${formatCount(waiting)} queued${retry}`, tone: 'busy', canResume: false };
  }
  return { text: 'Idle', tone: 'idle', canResume: false };
}

export interface ChartBar {
  key: string;
  label: string;
  count: number;
  tone: 'ok' | 'bad' | 'pending' | 'uncertain' | 'muted';
}

const STATUS_LABELS: Record<string, [string, ChartBar['tone']]> = {
  DELIVERED: ['Delivered', 'ok'],
  ACCEPTED: ['Accepted (no handset report)', 'ok'],
  UNDELIVERABLE: ['Undeliverable', 'bad'],
  REJECTED: ['Rejected', 'bad'],
  EXPIRED: ['Expired', 'bad'],
  DELETED: ['Deleted', 'bad'],
  SKIPPED: ['Skipped', 'bad'],
  NO_FINAL_REPORT: ['No final report', 'muted'],
  PENDING: ['Pending', 'pending'],
  UNKNOWN: ['Pending (unknown)', 'pending'],
  SCHEDULED: ['Scheduled', 'pending'],
  BUFFERED: ['Buffered', 'pending'],
  ENROUTE: ['En route', 'pending'],
};

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
  const st = { ...(c.statuses as Record<string, number | undefined>) };
  // "Marked as sent" rows never get a report: main leaves them out of statuses; shown apart.
  const marked = c.states.marked_sent ?? 0;
  const bars: ChartBar[] = [];
  let delivered = 0;
  let failed = 0;
  let pending = 0;
  for (const [key, count] of Object.entries(st)) {
    if (!count) continue;
    const [label, tone] = STATUS_LABELS[key] ?? [key, 'muted'];
    bars.push({ key, label, count, tone });
    if (key === 'DELIVERED') delivered += count;
    else if (tone === 'bad') failed += count;
    else if (tone === 'pending') pending += count;
  }
  // Recipients not yet handed to GatewayAPI have no delivery status at all.
  const notSent = WAITING_STATES.reduce((sum, s) => sum + (c.states[s] ?? 0), 0);
  const sendFailed = c.states.failed ?? 0;
  const uncertain = c.states.uncertain ?? 0;
  const cancelled = c.states.cancelled ?? 0;
  if (notSent) bars.push({ key: 'waiting', label: 'Not sent yet', count: notSent, tone: 'pending' });
  if (sendFailed) bars.push({ key: 'failed', label: 'Refused by GatewayAPI', count: sendFailed, tone: 'bad' });
  if (uncertain) bars.push({ key: 'uncertain', label: 'Uncertain', count: uncertain, tone: 'uncertain' });
  if (marked) bars.push({ key: 'marked_sent', label: 'Marked as sent', count: marked, tone: 'muted' });
  if (cancelled) bars.push({ key: 'cancelled', label: 'Cancelled', count: cancelled, tone: 'muted' });
  failed += sendFailed;
  pending += notSent;
  const base = c.total - cancelled;
  return {
    delivered,
    failed,
    pending,
    uncertain,
    cancelled,
    rate: base > 0 ? delivered / base : null,
    bars: bars.sort((a, b) => b.count - a.count),
  };
}

export function percent(part: number, whole: number): string {
  if (whole <= 0) return '0%';
  const p = (part / whole) * 100;
  return `${p >= 10 || p === 0 ? Math.round(p) : p.toFixed(1)}%`;
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
  if (at == null) return 'Pick the date and time to send at.';
  // A minute's margin: the confirmation and the request take a moment, and a time that has passed
  // by then would send at once instead of waiting.
  if (at * 1000 < nowMs + 60_000) return 'Pick a time in the future (at least a minute from now).';
  return null;
}
