// The four commands. Each returns its exit code; expected failures throw UsageError / CliError.
import { say } from './language';
import type { Command } from './args';
import { UsageError } from './args';
import { CliError, type CliDeps } from './deps';
import { EXIT, exitCodeFor, type ExitCode } from './exitCodes';
import { countCampaign } from '../shared/campaignCounts';
import { exitAdvice, formatImportReport, formatStatusTable, formatSummary, statusJsonLine } from './format';
import { campaignFrom, checkFile, readCsv, rejectedRows, unknownFieldsError } from './importFile';
import { openForSending, openReadOnly, type Session } from './session';
import { progressPrinter, watch } from './watch';
import { DEFAULT_SETTINGS } from '../shared/contract';
import type { CliTarget } from '../shared/i18n/cliMessages';

type SendCmd = Extract<Command, { kind: 'send' }>;
type ResumeCmd = Extract<Command, { kind: 'resume' }>;
type StatusCmd = Extract<Command, { kind: 'status' }>;
type ImportCmd = Extract<Command, { kind: 'import' }>;
type ResolveCmd = Extract<Command, { kind: 'resolve' }>;

const out = (deps: CliDeps, lines: string[]) => lines.length && deps.stdout(lines.join('\n') + '\n');

export async function importCommand(cmd: ImportCmd, deps: CliDeps): Promise<ExitCode> {
  const file = await readCsv(cmd.file);
  const { engine } = await openReadOnly(cmd, deps);
  try {
    const settings = engine?.settings() ?? DEFAULT_SETTINGS;
    const checked = await checkFile({
      file,
      phoneColumn: cmd.phoneColumn,
      country: cmd.country ?? settings.defaultCountry,
      message: cmd.message ?? '',
      maxParts: settings.maxParts,
      suppressed: engine?.suppression.snapshot() ?? new Set(),
      alreadyImported: engine ? (h) => engine.campaigns.findByFileHash(h) : undefined,
    });
    if (cmd.json) {
      const report = checked.report;
      deps.stdout(
        JSON.stringify({
          file: checked.fileName,
          encoding: checked.preview.encoding,
          delimiter: checked.preview.delimiter,
          hasHeader: checked.analysis.hasHeader,
          headers: checked.analysis.headers,
          phoneColumn: checked.analysis.headers[checked.analysis.phoneColumn] ?? null,
          nameColumn: checked.analysis.nameColumn != null ? checked.analysis.headers[checked.analysis.nameColumn] : null,
          totalRows: report.totalRows,
          accepted: report.accepted,
          rejected: checked.analysis.rejected.length,
          counts: report.counts,
          merge: report.merge,
          encodings: report.encodings,
          parts: report.parts,
          alreadyImported: checked.preview.alreadyImported,
          rejectedRows: rejectedRows(checked),
        }) + '\n',
      );
    } else {
      const lines = formatImportReport(checked.report, checked.fileName, {
        allExamples: true,
        country: cmd.country ?? settings.defaultCountry,
      });
      lines.push(`  ${say({ code: 'cli_phone_column_used', column: checked.analysis.headers[checked.analysis.phoneColumn] ?? '' })}`);
      if (checked.analysis.rejected.length > 0) lines.push(`  ${say({ code: 'cli_json_lists_rejected' })}`);
      out(deps, lines);
    }
    const unknown = cmd.message ? unknownFieldsError(checked) : null;
    if (unknown) throw unknown;
    return checked.report.accepted > 0 ? EXIT.ok : EXIT.usage;
  } finally {
    await engine?.close();
  }
}

export async function statusCommand(cmd: StatusCmd, deps: CliDeps): Promise<ExitCode> {
  const { dataDir, engine } = await openReadOnly(cmd, deps);
  if (!engine) {
    if (!cmd.json) deps.stdout(`${say({ code: 'cli_no_outbox_yet', dataDir })}\n`);
    return cmd.campaign === null ? EXIT.ok : notFound(cmd.campaign);
  }
  try {
    let campaigns = engine.campaigns.list(cmd.demo);
    if (cmd.campaign !== null) {
      campaigns = campaigns.filter((c) => c.id === cmd.campaign);
      if (campaigns.length === 0) return notFound(cmd.campaign);
    }
    if (!cmd.json) {
      out(deps, [say({ code: 'cli_data_folder', dataDir }), ...formatStatusTable(campaigns)]);
      return EXIT.ok;
    }
    // Oldest campaign first, rows in file order; written in chunks (100k lines are ~10 MB).
    let buf = '';
    for (const c of [...campaigns].reverse()) {
      for (const r of engine.campaigns.allRecipients(c.id)) {
        buf += statusJsonLine(c.id, r) + '\n';
        if (buf.length > 1 << 16) {
          deps.stdout(buf);
          buf = '';
        }
      }
    }
    if (buf) deps.stdout(buf);
    return EXIT.ok;
  } finally {
    await engine.close();
  }
}

export async function resolveCommand(cmd: ResolveCmd, deps: CliDeps): Promise<ExitCode> {
  const { dataDir, engine } = await openReadOnly(cmd, deps);
  if (!engine) throw new UsageError({ code: 'cli_no_outbox', dataDir });
  try {
    if (!engine.campaigns.exists(cmd.campaign)) notFound(cmd.campaign);
    const n = await engine.campaigns.resolveUncertain(cmd.campaign, null, cmd.action);
    const campaignId = cmd.campaign;
    if (n === 0) deps.stdout(`${say({ code: 'cli_resolve_none', campaignId })}\n`);
    else if (cmd.action === 'resend') deps.stdout(`${say({ code: 'cli_resolve_resent', count: n, campaignId, demo: cmd.demo })}\n`);
    else deps.stdout(`${say({ code: 'cli_resolve_marked', count: n, campaignId })}\n`);
    return EXIT.ok;
  } finally {
    await engine.close();
  }
}

function notFound(id: number): never {
  throw new UsageError({ code: 'cli_no_campaign', campaignId: id });
}

export async function sendCommand(cmd: SendCmd, deps: CliDeps): Promise<ExitCode> {
  const file = await readCsv(cmd.csv);
  const session = await openForSending(cmd, deps, noticePrinter(deps));
  try {
    const { engine } = session;
    failIfHeld(session, false);
    const pause = engine.pauseInfo();
    if (pause.reason === 'user') {
      throw new CliError(EXIT.paused, { code: 'cli_paused_by_user' });
    }
    const settings = engine.settings();
    const checked = await checkFile({
      file,
      phoneColumn: cmd.phoneColumn,
      country: cmd.country ?? settings.defaultCountry,
      message: cmd.message,
      maxParts: settings.maxParts,
      suppressed: engine.suppression.snapshot(),
      alreadyImported: (h) => engine.campaigns.findByFileHash(h),
    });
    out(deps, formatImportReport(checked.report, checked.fileName, { country: cmd.country ?? settings.defaultCountry }));
    const unknown = unknownFieldsError(checked);
    if (unknown) throw unknown;
    if (checked.report.accepted === 0) throw new UsageError({ code: 'cli_nothing_sendable', fileName: checked.fileName });
    const before = checked.preview.alreadyImported;
    // A re-run of the same command (a script, a retry after a crash) must not send everything twice.
    if (before && !cmd.again) {
      throw new UsageError({
        code: 'cli_already_sent',
        fileName: checked.fileName,
        campaignId: before.campaignId,
        name: before.name,
        at: before.at,
      });
    }
    const name = cmd.name ?? checked.fileName.replace(/\.[^.]*$/, '');
    await confirm(cmd, deps, { recipients: checked.report.accepted, parts: checked.report.parts, target: session.target });

    // This run sends its own campaign only (resume is the command for the rest): nothing is
    // claimed until that campaign exists, then only from it.
    engine.queue.limitTo([]);
    engine.start();
    failIfHeld(session, true);
    // This run brings a token (and perhaps topped-up credit): lift a pause for those causes.
    if (pause.reason !== null) engine.resume();
    session.engine.markFolderMode(session.mode);
    const { campaignId, queued } = await engine.campaigns.createInChunks(
      campaignFrom(checked, { name, sender: cmd.sender, message: cmd.message }),
    );
    engine.queue.limitTo([campaignId]);
    engine.wake();
    deps.stdout(`${say({ code: 'cli_sending', campaignId, name, queued, target: session.target, dataDir: session.dataDir })}\n`);
    const code = await follow(session, new Set([campaignId]), cmd, deps);
    const others = engine.campaigns
      .list(false)
      .filter((c) => c.id !== campaignId)
      .map((c) => ({ id: c.id, unsent: countCampaign(c).unsent }))
      .filter((c) => c.unsent > 0);
    if (others.length > 0) {
      const n = others.reduce((sum, c) => sum + c.unsent, 0);
      deps.stderr(`${say({ code: 'cli_others_queued', count: n, campaigns: others.map((c) => c.id) })}\n`);
    }
    return code;
  } finally {
    await session.close();
  }
}

export async function resumeCommand(cmd: ResumeCmd, deps: CliDeps): Promise<ExitCode> {
  // Nothing to do needs no token, no simulator and no lease.
  const ro = await openReadOnly(cmd, deps);
  const counts = ro.engine ? ro.engine.campaigns.list(cmd.demo).map(countCampaign) : [];
  await ro.engine?.close();
  if (!counts.some((t) => t.unsent > 0 || (cmd.wait && t.awaitingReport > 0))) {
    deps.stdout(`${say({ code: 'cli_nothing_to_send', dataDir: ro.dataDir })}\n`);
    const uncertain = counts.reduce((n, t) => n + t.uncertain, 0);
    if (uncertain === 0) return EXIT.ok;
    deps.stderr(`${say({ code: 'cli_uncertain_decide', count: uncertain })}\n`);
    return EXIT.incomplete;
  }
  const session = await openForSending(cmd, deps, noticePrinter(deps));
  try {
    const { engine } = session;
    failIfHeld(session, false);
    engine.start(); // takes the lease, then claimed → queued and in_flight → uncertain
    failIfHeld(session, true);
    if (engine.pauseInfo().reason !== null) engine.resume();
    session.engine.markFolderMode(session.mode);
    if (cmd.now) {
      const n = engine.queue.retryAllNow();
      if (n > 0) deps.stdout(`${say({ code: 'cli_retry_now', batches: n })}\n`);
    }
    const scope = new Set<number>();
    for (const c of engine.campaigns.list(false)) {
      const t = countCampaign(c);
      if (t.unsent > 0 || t.uncertain > 0 || (cmd.wait && t.awaitingReport > 0)) scope.add(c.id);
    }
    if (scope.size === 0) {
      deps.stdout(`${say({ code: 'cli_nothing_to_send', dataDir: session.dataDir })}\n`);
      return EXIT.ok;
    }
    engine.wake();
    deps.stdout(`${say({ code: 'cli_resuming', campaigns: [...scope], target: session.target, dataDir: session.dataDir })}\n`);
    return await follow(session, scope, cmd, deps);
  } finally {
    await session.close();
  }
}

async function follow(session: Session, scope: Set<number>, cmd: SendCmd | ResumeCmd, deps: CliDeps): Promise<ExitCode> {
  let wakeUp: (() => void) | null = null;
  const unsubscribe = session.onChanged(() => wakeUp?.());
  try {
    const result = await watch(session.engine, {
      scope,
      wait: cmd.wait,
      timeoutMs: cmd.timeoutSec * 1000,
      tickMs: deps.tickMs ?? 250,
      signal: deps.signal,
      progress: progressPrinter(deps.stdout, deps.interactive),
      changed: () => new Promise<void>((r) => (wakeUp = r)),
      diskFullWaitMs: diskFullWaitMs(deps),
    });
    out(
      deps,
      formatSummary(
        result.campaigns.map((c) => ({ campaign: c, counts: countCampaign(c) })),
        cmd.wait,
      ),
    );
    const code = exitCodeFor(result);
    const advice = exitAdvice(code, result, result.pauseText);
    if (result.interrupted) deps.stderr(`${say({ code: 'cli_stopped_by_ctrl_c' })}\n`);
    if (advice) deps.stderr(advice + '\n');
    return code;
  } finally {
    unsubscribe();
  }
}

/** SMS_OUTBOX_DISK_FULL_WAIT_SEC overrides the 5 minutes a full disk is waited out. */
function diskFullWaitMs(deps: CliDeps): number {
  if (deps.diskFullWaitMs != null) return deps.diskFullWaitMs;
  const sec = Number(deps.env.SMS_OUTBOX_DISK_FULL_WAIT_SEC);
  return Number.isFinite(sec) && sec >= 0 ? sec * 1000 : 5 * 60_000;
}

/** Exit 5 at once when another live process holds the folder's sender lease (before anything is
 * stored); after start(), also fail when the lease could not be taken for another reason. */
function failIfHeld(session: Session, started: boolean): void {
  const { engine } = session;
  if (engine.holdsLease) return;
  const held = engine.otherSender();
  if (held) {
    throw new CliError(EXIT.busy, { code: 'cli_held_elsewhere', pid: held.pid ?? null, host: held.host ?? null, dataDir: session.dataDir });
  }
  if (started && engine.disk.full) {
    throw new CliError(EXIT.diskFull, { code: 'cli_disk_full_at_start', dataDir: session.dataDir });
  }
  if (started) {
    throw new CliError(EXIT.other, { code: 'cli_lease_busy', dataDir: session.dataDir });
  }
}

async function confirm(cmd: SendCmd, deps: CliDeps, what: { recipients: number; parts: number; target: CliTarget }): Promise<void> {
  if (cmd.yes || cmd.demo) return;
  if (!deps.ask) throw new UsageError({ code: 'cli_not_asked', ...what });
  const question = say({ code: 'cli_confirm_send', ...what });
  const answer = (await deps.ask(`${question} ${say({ code: 'cli_confirm_hint' })} `)).trim().toLowerCase();
  // The language's own "yes" and the English one (a script or a habit may answer "y").
  const yes = new Set(['y', 'yes', ...say({ code: 'cli_yes_words' }).toLowerCase().split(/\s+/)]);
  if (!yes.has(answer)) throw new CliError(EXIT.other, { code: 'cli_not_sent' });
}

/** Each notice once per run (the summary repeats counts; a notice says what happened). */
function noticePrinter(deps: CliDeps): (key: string, message: string) => void {
  const seen = new Set<string>();
  return (key, message) => {
    // Per-batch "uncertain" notices and the campaign-finished note are covered by the summary.
    if (key.startsWith('finished-') || seen.has(key)) return;
    seen.add(key);
    deps.stderr(`${message}\n`);
  };
}
