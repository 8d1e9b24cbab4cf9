// Command-line parsing and validation: argv in, a typed command or a UsageError (exit 2) out.
// Pure: no file system, no database, no network, so every rule here is unit-tested.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isSupportedCountry } from 'libphonenumber-js';
import { validateBaseUrl } from '../core/gateway/baseUrl';
import { calls } from '../shared/contract';
import type { CliPlaceholder } from '../shared/i18n/cliMessages';
import type { Message } from '../shared/i18n/messages';
import { translate } from '../shared/i18n/translate';
// The CLI's own words join the shared catalogs before anything is said.
import '../shared/i18n/catalogs/cli';

/** Unusable arguments or input (exit 2): a message code, said in the CLI's language; `message` stays English for logs. */
export class UsageError extends Error {
  constructor(readonly text: Message) {
    super(translate('en', text));
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
    throw new UsageError({
      code: first.startsWith('-') ? 'cli_command_not_first' : 'cli_unknown_command',
      arg: first,
      commands: [...COMMANDS],
    });
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
      const csv = required(str('csv'), '--csv', 'FILE');
      const message = required(str('message'), '--message', 'TEXT');
      if (message.trim() === '') throw new UsageError({ code: 'cli_message_empty' });
      if (message.length > 10000) throw new UsageError({ code: 'cli_message_too_long', length: message.length, max: 10000 });
      const senderRaw = required(str('sender'), '--sender', 'NAME');
      const sender = SENDER.safeParse(senderRaw);
      if (!sender.success) throw new UsageError({ code: 'cli_sender_invalid', sender: senderRaw });
      const nameRaw = str('name');
      let name: string | null = null;
      if (nameRaw !== null) {
        const n = CAMPAIGN_NAME.safeParse(nameRaw);
        if (!n.success) throw new UsageError({ code: 'cli_name_invalid', min: 1, max: 200 });
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
      if (resend === markSent) throw new UsageError({ code: 'cli_choose_resolve_action' });
      return {
        kind: 'resolve',
        ...folderOpts,
        campaign: parseInteger(required(str('campaign'), '--campaign', 'N'), '--campaign', 1, Number.MAX_SAFE_INTEGER),
        action: resend ? 'resend' : 'mark_sent',
      };
    }
    case 'import': {
      if (parsed.positionals.length === 0) throw new UsageError({ code: 'cli_import_no_file' });
      if (parsed.positionals.length > 1) throw new UsageError({ code: 'cli_import_many_files', files: parsed.positionals });
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
    if (folderOpts.demo) throw new UsageError({ code: 'cli_demo_with_base_url' });
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
  if (!check.ok) throw new UsageError({ ...check.text, code: 'cli_base_url_invalid' });
  return check.url;
}

function parseInteger(raw: string, option: string, min: number, max: number): number {
  const s = raw.trim();
  const n = /^\d+$/.test(s) ? Number(s) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError({ code: 'cli_whole_number', option, min, max, got: raw });
  }
  return n;
}

function parseCountry(raw: string | null): string | null {
  if (raw === null) return null;
  const c = raw.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(c)) throw new UsageError({ code: 'cli_country_format', got: raw });
  // Checked here, before any folder or database is touched: "ZZ" must not leave an empty outbox behind.
  if (!isSupportedCountry(c)) throw new UsageError({ code: 'cli_country_unknown', country: c });
  return c;
}

function required(value: string | null, option: string, placeholder: CliPlaceholder): string {
  if (value === null) throw new UsageError({ code: 'cli_missing_option', option, placeholder });
  return value;
}

function nonEmpty(value: string | null, option: string): string | null {
  if (value !== null && value.trim() === '') throw new UsageError({ code: 'cli_option_empty', option });
  return value;
}

function isCommand(s: string | undefined): s is CommandName {
  return (COMMANDS as readonly string[]).includes(s ?? '');
}

/** node:util's parseArgs errors are English: the option or argument is taken from them, the sentence is ours. */
function parseArgsMessage(e: unknown): Message {
  const err = e as { code?: string; message?: string };
  const msg = (err.message ?? String(e)).split('\n')[0];
  const named = /'([^' ]+)(?: <value>)?'/.exec(msg)?.[1] ?? '';
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return { code: 'cli_unknown_option', option: named };
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      // "--message '-5% off'" reads as an option: the value must be attached with '='.
      if (/ambiguous/.test(msg)) return { code: 'cli_option_ambiguous', option: named };
      if (/does not take an argument/.test(msg)) return { code: 'cli_option_takes_no_value', option: named };
      return { code: 'cli_option_needs_value', option: named };
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return { code: 'cli_unexpected_argument', arg: named };
    default:
      return { code: 'cli_bad_arguments', detail: msg };
  }
}
