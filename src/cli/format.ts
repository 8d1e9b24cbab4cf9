// What the CLI prints: import reports, progress lines, summaries, the status table and JSON lines.
// Pure functions of plain data, so the wording is unit-tested and the same everywhere.
import type { CampaignSummary, ImportReport, RecipientRow } from '../shared/contract';
import { REJECT_KINDS } from '../shared/contract';
import { countCampaign, type CampaignCounts } from '../shared/campaignCounts';
import { EXIT, type ExitCode, type RunOutcome } from './exitCodes';
import { oneLine } from './printable';
import { cliLang, say } from './language';
import { gatewayOriginal, parseStoredReason, type GatewayMessage, type Message } from '../shared/i18n/messages';
import { INTL_LOCALES } from '../shared/i18n/languages';
import type { DeliveryStatus, RecipientState } from '../shared/states';

export interface ProgressExtras {
  phase: 'sending' | 'waiting';
  offline?: boolean;
  retryInSec?: number | null;
  /** Why sending waits (host not found, proxy refused, GatewayAPI busy): said in full, with what to do. */
  cause?: GatewayMessage | null;
  quietUntil?: number | null;
}

/** One line; the caller rewrites it in place on a terminal and prints it when it changes otherwise. */
export function formatProgress(t: CampaignCounts, x: ProgressExtras): string {
  const parts: string[] = [];
  if (x.phase === 'sending') {
    parts.push(say({ code: 'cli_progress_sending', done: t.submitted + t.markedSent, total: t.total, batches: t.batchesSubmitted }));
  } else {
    parts.push(say({ code: 'cli_progress_waiting', delivered: t.delivered, notDelivered: t.notDelivered, awaiting: t.awaitingReport }));
  }
  if (t.sendFailed) parts.push(say({ code: 'cli_count_failed', count: t.sendFailed }));
  if (t.uncertain) parts.push(say({ code: 'cli_count_uncertain', count: t.uncertain }));
  if (x.phase === 'sending') {
    if (x.quietUntil != null) {
      parts.push(say({ code: 'cli_quiet_held', until: x.quietUntil }));
    } else if (x.offline) {
      parts.push(say({ code: 'outbox_offline', queued: t.unsent, retryInSec: x.retryInSec ?? null, cause: x.cause ?? null }));
    } else if (x.cause || (x.retryInSec != null && x.retryInSec > 0)) {
      parts.push(say({ code: 'outbox_busy', queued: t.unsent, retryInSec: x.retryInSec ?? null, cause: x.cause ?? null }));
    }
  }
  return parts.join(' · ');
}

export function formatImportReport(r: ImportReport, fileName: string, opts: { allExamples?: boolean; country?: string } = {}): string[] {
  const lines: string[] = [];
  const rejected = REJECT_KINDS.reduce((n, k) => n + (r.counts[k] ?? 0), 0);
  lines.push(say({ code: 'cli_import_summary', fileName: oneLine(fileName), rows: r.totalRows, accepted: r.accepted, rejected }));
  for (const k of REJECT_KINDS) {
    const n = r.counts[k] ?? 0;
    if (n === 0) continue;
    lines.push(`  ${say({ code: 'reject_kind', kind: k })}: ${num(n)}`);
    const examples = r.examples[k] ?? [];
    const shown = opts.allExamples ? examples : examples.slice(0, 3);
    for (const e of shown) {
      const problem: Message = e.text ?? { code: 'reason_legacy', text: e.message };
      lines.push(`    ${oneLine(say({ code: 'cli_report_row', rowNo: e.rowNo, problem }))}`);
    }
    if (n > shown.length) lines.push(`    ${say({ code: 'cli_and_more', count: n - shown.length })}`);
  }
  // Most numbers invalid usually means national numbers read with the wrong default country.
  if (opts.country && (r.counts.invalid_number ?? 0) > r.accepted) {
    lines.push(`  ${say({ code: 'cli_wrong_country', country: opts.country })}`);
  }
  if (r.merge.tags.length) lines.push(`  ${oneLine(say({ code: 'cli_merge_fields', tags: r.merge.tags }))}`);
  if (r.accepted > 0 && r.parts > 0) lines.push(`  ${say({ code: 'cli_parts_total', parts: r.parts, ucs2: r.encodings.ucs2 })}`);
  return lines;
}

/** The lines after a run: per campaign, then what to do next. */
export function formatSummary(items: { campaign: CampaignSummary; counts: CampaignCounts }[], wait: boolean): string[] {
  const lines: string[] = [];
  for (const { campaign: c, counts: t } of items) {
    lines.push(say({ code: 'cli_summary_campaign', campaignId: c.id, name: oneLine(c.name), total: t.total }));
    const { submitted, markedSent, sendFailed: failed, uncertain, cancelled, unsent } = t;
    lines.push(`  ${say({ code: 'cli_summary_states', submitted, markedSent, failed, uncertain, cancelled, unsent })}`);
    if (wait || t.delivered + t.notDelivered > 0) {
      lines.push(
        `  ${say({ code: 'cli_summary_delivery', delivered: t.delivered, notDelivered: t.notDelivered, awaiting: t.awaitingReport })}`,
      );
    }
    // In the account's currency (DKK, SEK, NOK, EUR), written the language's way.
    if (c.totalCost != null) lines.push(`  ${say({ code: 'cli_summary_cost', cost: c.totalCost, currency: c.currency })}`);
  }
  return lines;
}

/** One sentence saying why the run ended as it did, for a non-zero exit. */
export function exitAdvice(code: ExitCode, o: RunOutcome, pause: Message | null): string | null {
  switch (code) {
    case EXIT.busy:
      return say({ code: 'cli_advice_busy' });
    case EXIT.diskFull:
      return say({ code: 'cli_advice_disk_full', unsent: o.unsent });
    case EXIT.paused:
      if (o.paused) return say({ code: 'cli_advice_paused', reason: o.paused, pause });
      return say({ code: 'cli_advice_campaign_paused' });
    case EXIT.incomplete:
      return say({ code: 'cli_advice_incomplete', failed: o.failed, uncertain: o.uncertain });
    case EXIT.other:
      if (o.unsent > 0) return say({ code: 'cli_advice_unsent', unsent: o.unsent });
      if (o.unreported > 0) return say({ code: 'cli_advice_unreported', count: o.unreported });
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

/** A count in the CLI's language ("1,234", "1.234", "1 234"). */
function num(n: number): string {
  return new Intl.NumberFormat(INTL_LOCALES[cliLang()]).format(n);
}

/** Per campaign: counts by our state and by GatewayAPI's delivery status, in words. */
export function formatStatusTable(campaigns: CampaignSummary[]): string[] {
  if (campaigns.length === 0) return [say({ code: 'cli_no_campaigns' })];
  const lines: string[] = [];
  for (const c of campaigns) {
    const t = countCampaign(c);
    lines.push(
      say({
        code: 'cli_status_campaign',
        campaignId: c.id,
        name: oneLine(c.name),
        status: c.status,
        total: c.total,
        createdAt: c.createdAt,
      }),
    );
    const rows: [string, number][] = [];
    for (const [k, n] of Object.entries(c.states)) if (n) rows.push([say({ code: 'state_name', state: k as RecipientState }), n]);
    for (const [k, n] of Object.entries(c.statuses)) {
      if (n) rows.push([`  ${say({ code: 'status_name', status: k as DeliveryStatus | 'PENDING' })}`, n]);
    }
    const width = Math.max(...rows.map(([k]) => k.length), 8);
    for (const [k, n] of rows) lines.push(`  ${k.padEnd(width)}  ${num(n).padStart(8)}`);
    if (t.uncertain) lines.push(`  ${say({ code: 'cli_status_uncertain', count: t.uncertain, campaignId: c.id })}`);
  }
  return lines;
}
