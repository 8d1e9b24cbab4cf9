// Command-line parsing and validation: argv in, a typed command or a UsageError (exit 2) out.
// Pure: no file system, no database, no network, so every rule here is unit-tested.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isSupportedCountry } from 'libphonenumber-js';
import { validateBaseUrl } from '../core/gateway/baseUrl';
import { calls } from '../shared/contract';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface FolderOptions {
  /** Absolute or relative path given with --data-dir; null = the default folder. */
  dataDir: string | null;
  demo: boolean;
}

export interface SendingOptions extends FolderOptions {
  baseUrl: string | null;
  batchSize: number | null;
  wait: boolean;
  /** Longest wait for delivery reports with --wait, in seconds. */
  timeoutSec: number;
}

export type Command =
  | { kind: 'help'; topic: CommandName | null }
  | { kind: 'version' }
  | ({
      kind: 'send';
      csv: string;
      message: string;
      sender: string;
      name: string | null;
      country: string | null;
      phoneColumn: string | null;
      yes: boolean;
      again: boolean;
    } & SendingOptions)
  | ({ kind: 'resume'; now: boolean } & SendingOptions)
  | ({ kind: 'status'; json: boolean; campaign: number | null } & FolderOptions)
  | ({ kind: 'resolve'; campaign: number; action: 'resend' | 'mark_sent' } & FolderOptions)
  | ({
      kind: 'import';
      file: string;
      country: string | null;
      phoneColumn: string | null;
      message: string | null;
      json: boolean;
    } & FolderOptions);

const COMMANDS = ['send', 'resume', 'status', 'import', 'resolve'] as const;
export type CommandName = (typeof COMMANDS)[number];

export const DEFAULT_TIMEOUT_SEC = 600;

type Options = NonNullable<ParseArgsConfig['options']>;

const folder: Options = {
  'data-dir': { type: 'string' },
  demo: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};
const sending: Options = {
  ...folder,
  'base-url': { type: 'string' },
  'batch-size': { type: 'string' },
  wait: { type: 'boolean' },
  timeout: { type: 'string' },
};
const OPTIONS: Record<CommandName, Options> = {
  send: {
    ...sending,
    csv: { type: 'string' },
    message: { type: 'string' },
    sender: { type: 'string' },
    name: { type: 'string' },
    country: { type: 'string' },
    'phone-column': { type: 'string' },
    yes: { type: 'boolean', short: 'y' },
    again: { type: 'boolean' },
  },
  resume: { ...sending, now: { type: 'boolean' } },
  resolve: { ...folder, campaign: { type: 'string' }, resend: { type: 'boolean' }, 'mark-sent': { type: 'boolean' } },
  status: { ...folder, json: { type: 'boolean' }, campaign: { type: 'string' } },
  import: {
    ...folder,
    country: { type: 'string' },
    'phone-column': { type: 'string' },
    message: { type: 'string' },
    json: { type: 'boolean' },
  },
};

export const USAGE: Record<CommandName | 'main', string> = {
  main: `Usage: sms-outbox <command> [options]

Commands:
  send     Import a CSV file, store it as a campaign and send it (only that campaign)
  resume   Send whatever is still queued, every campaign (e.g. after a crash or a pause)
  status   Show every recipient's state and delivery status
  import   Check a CSV file and report bad rows, without queueing anything
  resolve  Decide about "uncertain" recipients: send them again, or mark them as sent

Run "sms-outbox <command> --help" for a command's options.
The data folder is the app's own unless --data-dir or SMS_OUTBOX_DATA_DIR says otherwise;
--demo uses the built-in GatewayAPI simulator and its own data folder.
The GatewayAPI token comes from GATEWAYAPI_TOKEN, else from the keychain entry the app saved.

Exit codes: 0 done; 1 anything else (e.g. stopped with work left); 2 unusable input or arguments
(nothing stored); 3 sending paused (token refused or missing, credit exhausted); 4 some recipients
failed or are uncertain (delivery reports such as UNDELIVERABLE do not count); 5 another process
is sending from the data folder; 6 the disk holding the data folder is full (free space, then resume).`,
  send: `Usage: sms-outbox send --csv FILE --message TEXT --sender NAME [options]

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
  --timeout SEC         longest wait for delivery reports with --wait (default ${DEFAULT_TIMEOUT_SEC})
  --data-dir DIR        data folder (default: the app's)
  --demo                send to the built-in simulator, in the demo data folder
  --yes, -y             do not ask for confirmation
  --again               send a file that was already sent as a campaign once more (refused otherwise)`,
  resolve: `Usage: sms-outbox resolve --campaign N (--resend | --mark-sent) [--data-dir DIR] [--demo]

"Uncertain" recipients were being sent when a request failed in a way that does not tell whether
GatewayAPI accepted it (a timeout, a reset, a 500/502/504, a crash). Nothing resends them by itself.
  --resend              queue them again (whoever already got the SMS gets it twice); then run "sms-outbox resume"
  --mark-sent           record them as sent (whoever did not get it never will)
  --campaign N          the campaign (see "sms-outbox status")`,
  resume: `Usage: sms-outbox resume [options]

Takes over sending for the data folder: work claimed by a process that stopped goes back to the
queue, requests that were under way become "uncertain" (see "sms-outbox resolve"), and everything
queued is sent.

  --now                 do not wait out retry delays (e.g. a 429 asking to wait up to an hour):
                        try every waiting batch at once (uncertain recipients stay uncertain)
  --base-url URL        GatewayAPI URL for this run (default: the app's platform setting)
  --batch-size N        recipients per request for this run, 1-10000
  --wait                after sending, wait for delivery reports
  --timeout SEC         longest wait for delivery reports with --wait (default ${DEFAULT_TIMEOUT_SEC})
  --data-dir DIR        data folder (default: the app's)
  --demo                the demo data folder and the built-in simulator`,
  status: `Usage: sms-outbox status [--json] [--campaign N] [--data-dir DIR] [--demo]

  --json                one JSON object per recipient and line:
                        {"campaign","msisdn","state","status","error","code"}
  --campaign N          only campaign N`,
  import: `Usage: sms-outbox import FILE [--country CC] [--phone-column NAME] [--message TEXT] [--json]

Checks FILE the way "send" would and reports accepted and rejected rows. Stores nothing.`,
};

const SENDER = calls['campaign.create'].input.shape.sender;
const CAMPAIGN_NAME = calls['campaign.create'].input.shape.name;

export function parseCommand(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' && isCommand(rest[0]) ? rest[0] : null;
    return { kind: 'help', topic };
  }
  if (first === '--version' || first === '-v') return { kind: 'version' };
  if (!isCommand(first)) {
    throw new UsageError(
      first.startsWith('-')
        ? `Put the command first, e.g. "sms-outbox send ${first} …" (commands: ${COMMANDS.join(', ')}).`
        : `Unknown command "${first}" (commands: ${COMMANDS.join(', ')}).`,
    );
  }
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: [...rest],
      options: OPTIONS[first],
      strict: true,
      allowPositionals: first === 'import',
    }) as typeof parsed;
  } catch (e) {
    throw new UsageError(parseArgsMessage(e));
  }
  const values = parsed.values;
  if (values.help) return { kind: 'help', topic: first };

  const str = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : null);
  const flag = (key: string) => values[key] === true;
  const folderOpts: FolderOptions = { dataDir: nonEmpty(str('data-dir'), '--data-dir'), demo: flag('demo') };

  switch (first) {
    case 'send':
    case 'resume': {
      const sendingOpts = parseSending(str, flag, folderOpts);
      if (first === 'resume') return { kind: 'resume', ...sendingOpts, now: flag('now') };
      const csv = required(str('csv'), '--csv FILE');
      const message = required(str('message'), '--message TEXT');
      if (message.trim() === '') throw new UsageError('--message is empty: write the SMS text.');
      if (message.length > 10000) throw new UsageError(`--message is ${message.length} characters; at most 10000.`);
      const senderRaw = required(str('sender'), '--sender NAME');
      const sender = SENDER.safeParse(senderRaw);
      if (!sender.success) {
        throw new UsageError(
          `--sender "${senderRaw}" cannot be used: up to 11 letters/digits (A-Z, 0-9, space . _ & -), or up to 15 digits.`,
        );
      }
      const nameRaw = str('name');
      let name: string | null = null;
      if (nameRaw !== null) {
        const n = CAMPAIGN_NAME.safeParse(nameRaw);
        if (!n.success) throw new UsageError('--name must be 1 to 200 characters.');
        name = n.data;
      }
      return {
        kind: 'send',
        ...sendingOpts,
        csv,
        message,
        sender: sender.data,
        name,
        country: parseCountry(str('country')),
        phoneColumn: nonEmpty(str('phone-column'), '--phone-column'),
        yes: flag('yes'),
        again: flag('again'),
      };
    }
    case 'status': {
      const c = str('campaign');
      return {
        kind: 'status',
        ...folderOpts,
        json: flag('json'),
        campaign: c === null ? null : parseInteger(c, '--campaign', 1, Number.MAX_SAFE_INTEGER),
      };
    }
    case 'resolve': {
      const resend = flag('resend');
      const markSent = flag('mark-sent');
      if (resend === markSent) throw new UsageError('Choose one: --resend or --mark-sent.');
      return {
        kind: 'resolve',
        ...folderOpts,
        campaign: parseInteger(required(str('campaign'), '--campaign N'), '--campaign', 1, Number.MAX_SAFE_INTEGER),
        action: resend ? 'resend' : 'mark_sent',
      };
    }
    case 'import': {
      if (parsed.positionals.length === 0) throw new UsageError('Name the CSV file: sms-outbox import FILE.');
      if (parsed.positionals.length > 1) {
        throw new UsageError(`One file at a time (got ${parsed.positionals.length}: ${parsed.positionals.join(', ')}).`);
      }
      return {
        kind: 'import',
        ...folderOpts,
        file: parsed.positionals[0],
        country: parseCountry(str('country')),
        phoneColumn: nonEmpty(str('phone-column'), '--phone-column'),
        message: str('message'),
        json: flag('json'),
      };
    }
  }
}

function parseSending(str: (k: string) => string | null, flag: (k: string) => boolean, folderOpts: FolderOptions): SendingOptions {
  const rawUrl = str('base-url');
  let baseUrl: string | null = null;
  if (rawUrl !== null) {
    if (folderOpts.demo) throw new UsageError('--demo always sends to the built-in simulator: drop --base-url, or drop --demo.');
    baseUrl = parseBaseUrl(rawUrl);
  }
  const bs = str('batch-size');
  const t = str('timeout');
  return {
    ...folderOpts,
    baseUrl,
    batchSize: bs === null ? null : parseInteger(bs, '--batch-size', 1, 10000),
    wait: flag('wait'),
    timeoutSec: t === null ? DEFAULT_TIMEOUT_SEC : parseInteger(t, '--timeout', 1, 7 * 24 * 3600),
  };
}

/** The same rules as the app's custom-URL setting, worded for the option. */
function parseBaseUrl(raw: string): string {
  const check = validateBaseUrl(raw);
  if (!check.ok) throw new UsageError(check.message.replace('The custom GatewayAPI URL setting', '--base-url'));
  return check.url;
}

function parseInteger(raw: string, option: string, min: number, max: number): number {
  const s = raw.trim();
  const n = /^\d+$/.test(s) ? Number(s) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`${option} must be a whole number from ${min} to ${max} (got "${raw}").`);
  }
  return n;
}

function parseCountry(raw: string | null): string | null {
  if (raw === null) return null;
  const c = raw.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(c)) throw new UsageError(`--country must be a two-letter country code such as DK (got "${raw}").`);
  // Checked here, before any folder or database is touched: "ZZ" must not leave an empty outbox behind.
  if (!isSupportedCountry(c)) {
    throw new UsageError(`--country ${c} is not a country whose phone numbers can be read; use an ISO code such as DK, SE, NO or DE.`);
  }
  return c;
}

function required(value: string | null, what: string): string {
  if (value === null) throw new UsageError(`Missing ${what}.`);
  return value;
}

function nonEmpty(value: string | null, option: string): string | null {
  if (value !== null && value.trim() === '') throw new UsageError(`${option} is empty.`);
  return value;
}

function isCommand(s: string | undefined): s is CommandName {
  return (COMMANDS as readonly string[]).includes(s ?? '');
}

function parseArgsMessage(e: unknown): string {
  const err = e as { code?: string; message?: string };
  const msg = (err.message ?? String(e)).split('\n')[0];
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `${msg.replace(/\. To specify a positional argument.*$/, '')} (see --help).`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      // "--message '-5% off'" reads as an option: the value must be attached with '='.
      return /ambiguous/.test(msg) ? `${msg} Give a value that starts with '-' as --option=value.` : msg;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `${msg.replace(/\. This command does not take positional arguments$/, '')}: this command takes options only (did you forget an option name, or quotes around a value?).`;
    default:
      return msg;
  }
}
