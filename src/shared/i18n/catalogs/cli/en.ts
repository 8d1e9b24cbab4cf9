// The command line's own words in English (glossary as in ../en.ts). Option names stay as typed.
import type { Tools } from '../../catalog';
import type { CliHelpTopic, CliTarget } from '../../cliMessages';
import { sentence, type CliCatalog } from './types';

const target = (t: CliTarget, f: Tools) => (t === null ? 'the built-in simulator (demo)' : f.v(t));
const recipients = (n: number, f: Tools) => f.plural(n, { one: `${f.n(n)} recipient`, other: `${f.n(n)} recipients` });
const ids = (list: number[], f: Tools) => list.map((id) => f.v(id)).join(', ');
const quoted = (list: string[], f: Tools) => list.map((c) => `"${f.v(c)}"`).join(', ');
const PLACEHOLDER = { FILE: 'FILE', TEXT: 'TEXT', NAME: 'NAME', N: 'N' } as const;

const PAUSE = {
  auth: 'Sending is paused: the token was refused',
  credit: 'Sending is paused: the credit is used up',
  frozen: 'Sending is paused: the account is frozen',
  account: 'Sending is paused: GatewayAPI refused the account',
  unreachable: 'Sending is paused: GatewayAPI is not answering',
  disk_full: 'Sending is paused: the disk is full',
  user: 'Sending is paused by you',
} as const;

const HELP: Record<CliHelpTopic, (timeout: string) => string> = {
  main: () => `Usage: sms-outbox <command> [options]

Commands:
  send     Import a CSV file, store it as a campaign and send it (only that campaign)
  resume   Send whatever is still queued, every campaign (e.g. after a crash or a pause)
  status   Show every recipient's state and delivery status
  import   Check a CSV file and report bad rows, without queueing anything
  resolve  Decide about "uncertain" recipients: send them again, or mark them as sent

Run "sms-outbox <command> --help" for a command's options; --lang da|sv|nb|en picks the language.
The data folder is the app's own unless --data-dir or SMS_OUTBOX_DATA_DIR says otherwise;
--demo uses the built-in GatewayAPI simulator and its own data folder.
The GatewayAPI token comes from GATEWAYAPI_TOKEN, else from the keychain entry the app saved.

Exit codes: 0 done; 1 anything else (e.g. stopped with work left); 2 unusable input or arguments
(nothing stored); 3 sending paused (token refused or missing, credit exhausted); 4 some recipients
failed or are uncertain (delivery reports such as UNDELIVERABLE do not count); 5 another process
is sending from the data folder; 6 the disk holding the data folder is full (free space, then resume).`,
  send: (timeout) => `Usage: sms-outbox send --csv FILE --message TEXT --sender NAME [options]

Sends this file's campaign only: recipients of other campaigns still queued in the data folder
stay queued (the summary says how many); "sms-outbox resume" sends them.

  --csv FILE            contacts (CSV; the phone column is found by its header or content)
  --message TEXT        the SMS text; %Column% inserts that column's value per recipient
  --sender NAME         up to 11 letters/digits, or up to 15 digits
  --name CAMPAIGN       campaign name (default: the file name)
  --country CC          country for numbers written without +country code (default: the app's setting)
  --phone-column NAME   the column holding the numbers (header name, or 1-based number)
  --base-url URL        GatewayAPI URL for this run (default: the app's platform setting)
  --batch-size N        recipients per request for this run, 1-10000 (default: the app's setting)
  --wait                after sending, wait for delivery reports
  --timeout SEC         longest wait for delivery reports with --wait (default ${timeout})
  --data-dir DIR        data folder (default: the app's)
  --demo                send to the built-in simulator, in the demo data folder
  --yes, -y             do not ask for confirmation
  --again               send a file that was already sent as a campaign once more (refused otherwise)`,
  resolve: () => `Usage: sms-outbox resolve --campaign N (--resend | --mark-sent) [--data-dir DIR] [--demo]

"Uncertain" recipients were being sent when a request failed in a way that does not tell whether
GatewayAPI accepted it (a timeout, a reset, a 500/502/504, a crash). Nothing resends them by itself.
  --resend              queue them again (whoever already got the SMS gets it twice); then run "sms-outbox resume"
  --mark-sent           record them as sent (whoever did not get it never will)
  --campaign N          the campaign (see "sms-outbox status")`,
  resume: (timeout) => `Usage: sms-outbox resume [options]

Takes over sending for the data folder: work claimed by a process that stopped goes back to the
queue, requests that were under way become "uncertain" (see "sms-outbox resolve"), and everything
queued is sent.

  --now                 do not wait out retry delays (e.g. a 429 asking to wait up to an hour):
                        try every waiting batch at once (uncertain recipients stay uncertain)
  --base-url URL        GatewayAPI URL for this run (default: the app's platform setting)
  --batch-size N        recipients per request for this run, 1-10000
  --wait                after sending, wait for delivery reports
  --timeout SEC         longest wait for delivery reports with --wait (default ${timeout})
  --data-dir DIR        data folder (default: the app's)
  --demo                the demo data folder and the built-in simulator`,
  status: () => `Usage: sms-outbox status [--json] [--campaign N] [--data-dir DIR] [--demo]

  --json                one JSON object per recipient and line:
                        {"campaign","msisdn","state","status","error","code","gatewayapi"}
  --campaign N          only campaign N`,
  import: () => `Usage: sms-outbox import FILE [--country CC] [--phone-column NAME] [--message TEXT] [--json]

Checks FILE the way "send" would and reports accepted and rejected rows. Stores nothing.`,
};

const BASE_URL = {
  empty: () => '--base-url is empty. Give a URL such as https://gatewayapi.com.',
  not_url: (got: string) => `--base-url is not a valid URL: “${got}”. Use a URL such as https://gatewayapi.com.`,
  not_https: (got: string) => `--base-url must start with https:// (got ${got}).`,
  http_remote: () =>
    '--base-url must use https:// (plain http is allowed only for this computer: 127.0.0.1 or localhost), so the API token is never sent unencrypted.',
  credentials: () => '--base-url must not contain a user name or password; the API token is given separately.',
  query: () => '--base-url must not contain a query (?…) or fragment (#…).',
  not_gatewayapi: (got: string) => `--base-url cannot point at ${got}.`,
};

export const cliEn: CliCatalog = {
  cli_help: (m, f) => HELP[m.topic](f.n(m.defaultTimeoutSec)),
  cli_command_not_first: (m, f) =>
    `Put the command first, e.g. "sms-outbox send ${f.v(m.arg)} …" (commands: ${f.v(m.commands.join(', '))}).`,
  cli_unknown_command: (m, f) => `Unknown command "${f.v(m.arg)}" (commands: ${f.v(m.commands.join(', '))}).`,
  cli_unknown_option: (m, f) => `Unknown option '${f.v(m.option)}' (see --help).`,
  cli_option_needs_value: (m, f) => `Option '${f.v(m.option)}' needs a value (argument missing).`,
  cli_option_ambiguous: (m, f) =>
    `The value after '${f.v(m.option)}' starts with '-', so it reads as an option. Give a value that starts with '-' as --option=value.`,
  cli_option_takes_no_value: (m, f) => `Option '${f.v(m.option)}' does not take a value.`,
  cli_unexpected_argument: (m, f) =>
    `Unexpected argument '${f.v(m.arg)}': this command takes options only (did you forget an option name, or quotes around a value?).`,
  cli_bad_arguments: (m, f) => `The arguments cannot be read: ${f.v(m.detail)}`,
  cli_missing_option: (m, f) => `Missing ${f.v(m.option)} ${PLACEHOLDER[m.placeholder]}.`,
  cli_option_empty: (m, f) => `${f.v(m.option)} is empty.`,
  cli_message_empty: () => '--message is empty: write the SMS text.',
  cli_message_too_long: (m, f) => `--message is ${f.n(m.length)} characters; at most ${f.n(m.max)}.`,
  cli_sender_invalid: (m, f) =>
    `--sender "${f.v(m.sender)}" cannot be used: up to 11 letters/digits (A-Z, 0-9, space . _ & -), or up to 15 digits.`,
  cli_name_invalid: (m, f) => `--name must be ${f.n(m.min)} to ${f.n(m.max)} characters.`,
  cli_choose_resolve_action: () => 'Choose one: --resend or --mark-sent.',
  cli_import_no_file: () => 'Name the CSV file: sms-outbox import FILE.',
  cli_import_many_files: (m, f) => `One file at a time (got ${f.n(m.files.length)}: ${f.v(m.files.join(', '))}).`,
  cli_demo_with_base_url: () => '--demo always sends to the built-in simulator: drop --base-url, or drop --demo.',
  cli_base_url_invalid: (m, f) => BASE_URL[m.problem](f.v(m.got)),
  cli_whole_number: (m, f) => `${f.v(m.option)} must be a whole number from ${f.v(m.min)} to ${f.v(m.max)} (got "${f.v(m.got)}").`,
  cli_country_format: (m, f) => `--country must be a two-letter country code such as DK (got "${f.v(m.got)}").`,
  cli_country_unknown: (m, f) =>
    `--country ${f.v(m.country)} is not a country whose phone numbers can be read; use an ISO code such as DK, SE, NO or DE.`,
  cli_demo_live_folder: (m, f) => `--demo cannot use the live data folder (${f.v(m.dir)}); leave out --data-dir to use the demo folder.`,
  cli_live_demo_folder: (m, f) => `${f.v(m.dir)} is the demo data folder; add --demo, or choose another --data-dir for real sending.`,
  cli_cannot_read: (m, f) =>
    `Cannot read ${f.v(m.path)}: ${{ missing: 'no such file', folder: 'it is a folder', denied: 'permission denied', other: f.v(m.detail) }[m.why]}.`,
  cli_no_phone_column: (m, f) =>
    `No column in ${f.v(m.fileName)} looks like phone numbers (columns: ${m.hasHeader ? quoted(m.columns, f) : f.v(m.columns.join(', '))}); name it with --phone-column.`,
  cli_phone_column_range: (m, f) => `--phone-column ${f.v(m.option)}: ${f.v(m.fileName)} has ${f.n(m.count)} columns.`,
  cli_phone_column_unknown: (m, f) =>
    `--phone-column "${f.v(m.option)}": ${f.v(m.fileName)} has no such column (columns: ${quoted(m.columns, f)}).`,
  cli_phone_column_no_header: (m, f) =>
    `--phone-column "${f.v(m.option)}": ${f.v(m.fileName)} has no header row; give the column's number (1-${f.v(m.count)}).`,
  cli_unknown_fields: (m, f) =>
    `--message uses ${f.v(m.tags.join(', '))}, but ${f.v(m.fileName)} has no such column (columns: ${f.v(m.columns.join(', '))}). Fix the placeholder or the file.`,

  cli_import_summary: (m, f) =>
    `${f.v(m.fileName)}: ${f.plural(m.rows, { one: `${f.n(m.rows)} row`, other: `${f.n(m.rows)} rows` })}, ${recipients(m.accepted, f)} accepted, ${f.n(m.rejected)} rejected.`,
  cli_report_row: (m, f) => `row ${f.v(m.rowNo)}: ${f.t(m.problem)}`,
  cli_and_more: (m, f) => `… and ${f.n(m.count)} more`,
  cli_wrong_country: (m, f) =>
    `Most numbers are not valid for ${f.v(m.country)}: if they are from another country, add --country (e.g. --country DE).`,
  cli_merge_fields: (m, f) => `Merge fields: ${f.v(m.tags.join(', '))}`,
  cli_parts_total: (m, f) =>
    `${f.plural(m.parts, { one: `${f.n(m.parts)} SMS part`, other: `${f.n(m.parts)} SMS parts` })} in all${m.ucs2 > 0 ? ` (${f.n(m.ucs2)} as UCS-2 because of non-GSM characters)` : ''}.`,
  cli_phone_column_used: (m, f) => `Phone numbers from column "${f.v(m.column)}".`,
  cli_json_lists_rejected: () => '(--json lists every rejected row.)',

  cli_paused_by_user: () =>
    'Sending is paused in the app ("Paused by you"); run "sms-outbox resume" or resume it in the app, then send again.',
  cli_nothing_sendable: (m, f) => `No recipient in ${f.v(m.fileName)} can be sent to; nothing was stored.`,
  cli_already_sent: (m, f) =>
    `${f.v(m.fileName)} was already sent as campaign ${f.v(m.campaignId)} "${f.v(m.name)}" (${f.dateTime(m.at)}); sending it again would send every message again. Use "sms-outbox resume" to finish that campaign, or add --again to send it once more. Nothing was stored.`,
  cli_confirm_send: (m, f) =>
    `Send to ${recipients(m.recipients, f)} (${f.plural(m.parts, { one: `${f.n(m.parts)} SMS part`, other: `${f.n(m.parts)} SMS parts` })}) through ${target(m.target, f)}?`,
  cli_confirm_hint: () => '[y/N]',
  cli_yes_words: () => 'y yes',
  cli_not_asked: (m, f) =>
    `${cliEn.cli_confirm_send({ ...m, code: 'cli_confirm_send' }, f)} Not asked: there is no terminal to answer. Add --yes to send without asking.`,
  cli_not_sent: () => 'Not sent: nothing was stored.',
  cli_sending: (m, f) =>
    `Sending campaign ${f.v(m.campaignId)} "${f.v(m.name)}": ${recipients(m.queued, f)} through ${target(m.target, f)}, data folder ${f.v(m.dataDir)}`,
  cli_others_queued: (m, f) =>
    `Not sent by this command: ${recipients(m.count, f)} of ${f.plural(m.campaigns.length, { one: 'campaign', other: 'campaigns' })} ${ids(m.campaigns, f)} still queued in this data folder; "sms-outbox resume" sends them.`,
  cli_nothing_to_send: (m, f) => `Nothing to send in ${f.v(m.dataDir)}.`,
  cli_uncertain_decide: (m, f) =>
    `${f.plural(m.count, { one: `${f.n(m.count)} recipient is`, other: `${f.n(m.count)} recipients are` })} uncertain: decide with "sms-outbox resolve --campaign N --resend" or "--mark-sent".`,
  cli_retry_now: (m, f) =>
    f.plural(m.batches, {
      one: `${f.n(m.batches)} batch waiting to be retried is tried now (--now).`,
      other: `${f.n(m.batches)} batches waiting to be retried are tried now (--now).`,
    }),
  cli_resuming: (m, f) =>
    `Resuming ${f.plural(m.campaigns.length, { one: 'campaign', other: 'campaigns' })} ${ids(m.campaigns, f)} through ${target(m.target, f)}, data folder ${f.v(m.dataDir)}`,
  cli_held_elsewhere: (m, f) =>
    `Another SMS Outbox process (pid ${f.v(m.pid ?? '?')} on ${f.v(m.host ?? '?')}) is sending from ${f.v(m.dataDir)}. Let it finish (or close it), then try again; nothing was stored.`,
  cli_disk_full_at_start: (m, f) =>
    `The disk holding ${f.v(m.dataDir)} is full: nothing can be sent. Free some space, then try again; nothing stored is lost.`,
  cli_lease_busy: (m, f) => `Could not take over sending for ${f.v(m.dataDir)} (the database is busy); try again.`,
  cli_no_token: (m, f) =>
    `No GatewayAPI token: set GATEWAYAPI_TOKEN, or save the token in the app's Settings.${m.problem ? ` (${f.t(m.problem)})` : ''}`,
  cli_base_url_setting: (m, f) => `${f.t(m.problem)} (${f.v(m.dataDir)}; Settings / --base-url)`,
  cli_stopped_by_ctrl_c: () => 'Stopped by Ctrl-C.',
  cli_stopping: () => 'Stopping: requests under way finish first (Ctrl-C again to quit at once; those become "uncertain").',
  cli_stop_deadline: (m, f) => `Still stopping after ${f.n(m.seconds)} s; quitting now (requests under way become "uncertain").`,

  cli_progress_sending: (m, f) =>
    `${f.n(m.done)} of ${recipients(m.total, f)} submitted in ${f.plural(m.batches, { one: `${f.n(m.batches)} batch`, other: `${f.n(m.batches)} batches` })}`,
  cli_progress_waiting: (m, f) =>
    `${f.n(m.delivered)} delivered, ${f.n(m.notDelivered)} not delivered, ${f.n(m.awaiting)} awaiting reports`,
  cli_count_failed: (m, f) => `${f.n(m.count)} failed`,
  cli_count_uncertain: (m, f) => `${f.n(m.count)} uncertain`,
  cli_quiet_held: (m, f) => `quiet hours: held until ${f.dateTime(m.until)}`,
  cli_summary_campaign: (m, f) => `Campaign ${f.v(m.campaignId)} "${f.v(m.name)}": ${recipients(m.total, f)}`,
  cli_summary_states: (m, f) =>
    [
      `${f.n(m.submitted)} submitted`,
      m.markedSent ? `${f.n(m.markedSent)} marked as sent` : '',
      m.failed ? `${f.n(m.failed)} failed` : '',
      m.uncertain ? `${f.n(m.uncertain)} uncertain` : '',
      m.cancelled ? `${f.n(m.cancelled)} cancelled` : '',
      m.unsent ? `${f.n(m.unsent)} not sent yet` : '',
    ]
      .filter(Boolean)
      .join(' · '),
  cli_summary_delivery: (m, f) =>
    `delivery: ${f.n(m.delivered)} delivered · ${f.n(m.notDelivered)} not delivered · ${f.n(m.awaiting)} awaiting reports`,
  cli_summary_cost: (m, f) => `cost: ${f.money(m.cost, m.currency)}`,

  cli_advice_busy: () => 'Another SMS Outbox process took over sending for this data folder; it will send the rest.',
  cli_advice_disk_full: (m, f) =>
    `The disk holding the data folder is full: sending is paused with ${recipients(m.unsent, f)} not sent yet; nothing stored is lost. Free some space, then run "sms-outbox resume".`,
  cli_advice_paused: (m, f) =>
    m.reason === 'auth'
      ? `${sentence(m.pause ? f.t(m.pause) : PAUSE.auth)} From the command line: set GATEWAYAPI_TOKEN to a valid API token (or save one in the app), then run "sms-outbox resume".`
      : `${sentence(m.pause ? f.t(m.pause) : PAUSE[m.reason])} Fix the cause, then run "sms-outbox resume".`,
  cli_advice_campaign_paused: () => 'The campaign is paused in the app: resume it there (or cancel it), then run "sms-outbox resume".',
  cli_advice_incomplete: (m, f) => {
    const what = [
      m.failed ? `${f.n(m.failed)} failed (see "sms-outbox status" for the reasons)` : '',
      m.uncertain
        ? `${f.n(m.uncertain)} uncertain: GatewayAPI may or may not have accepted them; decide with "sms-outbox resolve --campaign N --resend" or "--mark-sent" (or in the app)`
        : '',
    ].filter(Boolean);
    return `Not every recipient was sent: ${what.join('; ')}.`;
  },
  cli_advice_unsent: (m, f) =>
    `${f.plural(m.unsent, { one: `${f.n(m.unsent)} recipient is`, other: `${f.n(m.unsent)} recipients are` })} not sent yet: run "sms-outbox resume" to continue.`,
  cli_advice_unreported: (m, f) =>
    `Stopped waiting with ${f.n(m.count)} delivery reports outstanding: "sms-outbox status" shows them later.`,

  cli_no_outbox_yet: (m, f) => `No outbox in ${f.v(m.dataDir)} yet.`,
  cli_no_outbox: (m, f) => `There is no outbox in ${f.v(m.dataDir)}.`,
  cli_data_folder: (m, f) => `Data folder: ${f.v(m.dataDir)}`,
  cli_no_campaigns: () => 'No campaigns in this data folder yet.',
  cli_no_campaign: (m, f) => `There is no campaign ${f.v(m.campaignId)} in this data folder.`,
  cli_status_campaign: (m, f) =>
    `#${f.v(m.campaignId)} ${f.v(m.name)} — ${f.t({ code: 'campaign_status', status: m.status })}, ${recipients(m.total, f)}, created ${f.dateTime(m.createdAt)}`,
  cli_status_uncertain: (m, f) =>
    `${f.n(m.count)} uncertain: "sms-outbox resolve --campaign ${f.v(m.campaignId)} --resend" or "--mark-sent" (or in the app).`,
  cli_resolve_none: (m, f) => `Campaign ${f.v(m.campaignId)} has no uncertain recipients.`,
  cli_resolve_resent: (m, f) =>
    `${f.n(m.count)} uncertain ${f.plural(m.count, { one: 'recipient', other: 'recipients' })} of campaign ${f.v(m.campaignId)} ${f.plural(m.count, { one: 'is', other: 'are' })} queued again: run "sms-outbox resume${m.demo ? ' --demo' : ''}" to send them.`,
  cli_resolve_marked: (m, f) =>
    `${f.n(m.count)} uncertain ${f.plural(m.count, { one: 'recipient', other: 'recipients' })} of campaign ${f.v(m.campaignId)} ${f.plural(m.count, { one: 'is', other: 'are' })} marked as sent.`,

  cli_disk_full: (m, f) =>
    `The disk holding the data folder is full (${f.v(m.detail)}). Free some space, then try again ("sms-outbox resume" finishes a send); nothing already stored is lost.`,
  cli_read_only: (m, f) => `The data folder cannot be written: it is read-only (${f.v(m.detail)}). Sending needs a folder it can write to.`,
  cli_database_failed: (m, f) =>
    `The outbox database failed: ${f.v(m.detail)}${m.busy ? ' (another process is writing to the data folder; try again)' : ''}`,
  cli_unexpected: (m, f) =>
    m.detail ? `Unexpected error: ${f.v(m.detail)}` : 'Unexpected error (run with SMS_OUTBOX_DEBUG=1 for details).',
  cli_log_error: (m, f) => `error: ${f.v(m.detail)}`,
};
