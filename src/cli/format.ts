// What the CLI prints: import reports, progress lines, summaries, the status table and JSON lines.
// Pure functions of plain data, so the wording is unit-tested and the same everywhere.
import type { CampaignSummary, ImportReport, RecipientRow, RejectKind } from '../shared/contract';
import { REJECT_KINDS } from '../shared/contract';
import { countCampaign, type CampaignCounts } from '../shared/campaignCounts';
import { EXIT, type ExitCode, type RunOutcome } from './exitCodes';
import { oneLine } from './printable';
import { say } from './language';
import { gatewayOriginal, parseStoredReason, type GatewayMessage } from '../shared/i18n/messages';

/** Ends a message with exactly one full stop ("…by itself." never becomes "…by itself.."). */
export function sentence(text: string): string {
  const t = text.trimEnd();
  return /[.!?…]$/.test(t) ? t : `${t}.`;
}

export function num(n: number): string {
  return n.toLocaleString('en-US');
}

function plural(n: number, one: string, many: string): string {
  return `${num(n)} ${n === 1 ? one : many}`;
}

export interface ProgressExtras {
  phase: 'sending' | 'waiting';
  offline?: boolean;
  retryInSec?: number | null;
  /** Why sending waits (host not found, proxy refused, GatewayAPI busy): said in full, with what to do. */
  cause?: GatewayMessage | null;
  quietUntil?: number | null;
  /** For showing quiet hours' end in local time. */
  formatTime?: (ms: number) => string;
}

/** One line; the caller rewrites it in place on a terminal and prints it when it changes otherwise. */
export function formatProgress(t: CampaignCounts, x: ProgressExtras): string {
  const done = t.submitted + t.markedSent;
  const parts: string[] = [];
  if (x.phase === 'sending') {
    parts.push(`${num(done)} of ${num(t.total)} recipients submitted in ${plural(t.batchesSubmitted, 'batch', 'batches')}`);
  } else {
    parts.push(`${num(t.delivered)} delivered, ${num(t.notDelivered)} not delivered, ${num(t.awaitingReport)} awaiting reports`);
  }
  if (t.sendFailed) parts.push(`${num(t.sendFailed)} failed`);
  if (t.uncertain) parts.push(`${num(t.uncertain)} uncertain`);
  if (x.phase === 'sending') {
    if (x.quietUntil != null) {
      parts.push(`quiet hours: held until ${(x.formatTime ?? isoMinute)(x.quietUntil)}`);
    } else if (x.offline) {
      parts.push(say({ code: 'outbox_offline', queued: t.unsent, retryInSec: x.retryInSec ?? null, cause: x.cause ?? null }));
    } else if (x.cause || (x.retryInSec != null && x.retryInSec > 0)) {
      parts.push(say({ code: 'outbox_busy', queued: t.unsent, retryInSec: x.retryInSec ?? null, cause: x.cause ?? null }));
    }
  }
  return parts.join(' · ');
}

function isoMinute(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

export function formatImportReport(r: ImportReport, fileName: string, opts: { allExamples?: boolean; country?: string } = {}): string[] {
  const lines: string[] = [];
  const rejected = REJECT_KINDS.reduce((n, k) => n + (r.counts[k] ?? 0), 0);
  lines.push(`${oneLine(fileName)}: ${num(r.totalRows)} rows, ${num(r.accepted)} recipients accepted, ${num(rejected)} rejected.`);
  for (const k of REJECT_KINDS) {
    const n = r.counts[k] ?? 0;
    if (n === 0) continue;
    lines.push(`  ${KIND_LABEL[k]}: ${num(n)}`);
    const examples = r.examples[k] ?? [];
    const shown = opts.allExamples ? examples : examples.slice(0, 3);
    for (const e of shown) lines.push(`    row ${e.rowNo}: ${oneLine(e.text ? say(e.text) : e.message)}`);
    if (n > shown.length) lines.push(`    … and ${num(n - shown.length)} more`);
  }
  // Most numbers invalid usually means national numbers read with the wrong default country.
  if (opts.country && (r.counts.invalid_number ?? 0) > r.accepted) {
    lines.push(`  Most numbers are not valid for ${opts.country}: if they are from another country, add --country (e.g. --country DE).`);
  }
  if (r.merge.tags.length) lines.push(`  Merge fields: ${oneLine(r.merge.tags.join(', '))}`);
  if (r.accepted > 0 && r.parts > 0) {
    const enc = r.encodings.ucs2 > 0 ? ` (${num(r.encodings.ucs2)} as UCS-2 because of non-GSM characters)` : '';
    lines.push(`  ${num(r.parts)} SMS parts in all${enc}.`);
  }
  return lines;
}

const KIND_LABEL: Record<RejectKind, string> = {
  invalid_number: 'Not a valid phone number',
  missing_number: 'No phone number',
  duplicate: 'Duplicate number (first row kept)',
  suppressed: 'On the suppression list (opted out)',
  missing_merge_value: 'Empty merge field value',
  too_long: 'Message too long',
};

/** The lines after a run: per campaign, then what to do next. */
export function formatSummary(items: { campaign: CampaignSummary; counts: CampaignCounts }[], wait: boolean): string[] {
  const lines: string[] = [];
  for (const { campaign: c, counts: t } of items) {
    lines.push(`Campaign ${c.id} "${oneLine(c.name)}": ${num(t.total)} recipients`);
    const states = [`${num(t.submitted)} submitted`];
    if (t.markedSent) states.push(`${num(t.markedSent)} marked as sent`);
    if (t.sendFailed) states.push(`${num(t.sendFailed)} failed`);
    if (t.uncertain) states.push(`${num(t.uncertain)} uncertain`);
    if (t.cancelled) states.push(`${num(t.cancelled)} cancelled`);
    if (t.unsent) states.push(`${num(t.unsent)} not sent yet`);
    lines.push(`  ${states.join(' · ')}`);
    if (wait || t.delivered + t.notDelivered > 0) {
      lines.push(
        `  delivery: ${num(t.delivered)} delivered · ${num(t.notDelivered)} not delivered · ${num(t.awaitingReport)} awaiting reports`,
      );
    }
    if (c.totalCost != null) lines.push(`  cost: ${c.totalCost.toFixed(2)} ${c.currency ?? ''}`.trimEnd());
  }
  return lines;
}

/** One sentence saying why the run ended as it did, for a non-zero exit. */
export function exitAdvice(code: ExitCode, o: RunOutcome, pauseMessage: string | null): string | null {
  switch (code) {
    case EXIT.busy:
      return 'Another SMS Outbox process took over sending for this data folder; it will send the rest.';
    case EXIT.diskFull:
      return `The disk holding the data folder is full: sending is paused with ${num(o.unsent)} recipients not sent yet; nothing stored is lost. Free some space, then run "sms-outbox resume".`;
    case EXIT.paused:
      if (o.paused === 'auth') {
        return `${sentence(pauseMessage ?? 'Sending is paused: the token was refused')} From the command line: set GATEWAYAPI_TOKEN to a valid API token (or save one in the app), then run "sms-outbox resume".`;
      }
      if (o.paused) return `${sentence(pauseMessage ?? `Sending is paused: ${o.paused}`)} Fix the cause, then run "sms-outbox resume".`;
      return 'The campaign is paused in the app: resume it there (or cancel it), then run "sms-outbox resume".';
    case EXIT.incomplete: {
      const what: string[] = [];
      if (o.failed) what.push(`${num(o.failed)} failed (see "sms-outbox status" for the reasons)`);
      if (o.uncertain) {
        what.push(
          `${num(o.uncertain)} uncertain: GatewayAPI may or may not have accepted them; decide with "sms-outbox resolve --campaign N --resend" or "--mark-sent" (or in the app)`,
        );
      }
      return `Not every recipient was sent: ${what.join('; ')}.`;
    }
    case EXIT.other:
      if (o.unsent > 0) return `${num(o.unsent)} recipients are not sent yet: run "sms-outbox resume" to continue.`;
      if (o.unreported > 0)
        return `Stopped waiting with ${num(o.unreported)} delivery reports outstanding: "sms-outbox status" shows them later.`;
      return null;
    default:
      return null;
  }
}

interface StatusLine {
  campaign: number;
  msisdn: string;
  state: string;
  status: string | null;
  /** Why, in the CLI's language (from the stored code); GatewayAPI's own text beside it. */
  error: string | null;
  code: string | null;
  gatewayapi: string | null;
}

export function statusJsonLine(campaignId: number, r: Pick<RecipientRow, 'msisdn' | 'state' | 'status' | 'error' | 'errorCode'>): string {
  const reason = parseStoredReason(r.error);
  const line: StatusLine = {
    campaign: campaignId,
    msisdn: r.msisdn,
    state: r.state,
    status: r.status ?? null,
    error: reason ? say(reason) : null,
    code: r.errorCode ?? null,
    gatewayapi: gatewayOriginal(reason)?.original ?? null,
  };
  return JSON.stringify(line);
}

/** Per campaign: counts by our state and by GatewayAPI's delivery status. */
export function formatStatusTable(campaigns: CampaignSummary[]): string[] {
  if (campaigns.length === 0) return ['No campaigns in this data folder yet.'];
  const lines: string[] = [];
  for (const c of campaigns) {
    const t = countCampaign(c);
    lines.push(
      `#${c.id} ${oneLine(c.name)} — ${c.status}, ${num(c.total)} recipients, created ${new Date(c.createdAt).toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    );
    const rows: [string, number][] = [];
    for (const [k, n] of Object.entries(c.states)) if (n) rows.push([k, n]);
    for (const [k, n] of Object.entries(c.statuses)) if (n) rows.push([`  ${k === 'PENDING' ? 'no report yet' : k}`, n]);
    const width = Math.max(...rows.map(([k]) => k.length), 8);
    for (const [k, n] of rows) lines.push(`  ${k.padEnd(width)}  ${num(n).padStart(8)}`);
    if (t.uncertain) {
      lines.push(`  ${num(t.uncertain)} uncertain: "sms-outbox resolve --campaign ${c.id} --resend" or "--mark-sent" (or in the app).`);
    }
  }
  return lines;
}
