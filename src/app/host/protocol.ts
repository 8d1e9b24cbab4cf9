// The messages between Electron's main process and the outbox core in its own process (coreHost.ts
// in the child, coreClient.ts in main). Plain JSON-like objects, each with a `t` (type). Every message is
// checked against these schemas where it arrives, on both sides: anything else is logged and ignored.
//
//   main → core   init (once, first) · call {seq, name, input} · wake · answer {seq, …} to an ask · close
//   core → main   ready | failed (the open's outcome) · result {seq, result} · event · language
//                 · ask {seq, kind} (what must stay in main: the confirm dialog, the keychain, the
//                   proxy lookup) · log (main writes the one log file) · closed
//
// Main's `seq` numbers calls, the core's numbers its asks: two sequences, one per direction.
import { z } from 'zod';
import { LANGUAGE_CHOICES } from '../../shared/i18n/languages';
import type { Message } from '../../shared/i18n/messages';

const seq = z.number().int().nonnegative();
/** A message code with parameters (shared/i18n/messages.ts): its parameters are the catalog's business. */
const message = z.custom<Message>((v) => typeof v === 'object' && v !== null && typeof (v as { code?: unknown }).code === 'string');

/** What the core needs to open, sent by main in the first message (not argv: no length limits, no quoting). */
export const initOptions = z.object({
  dataDir: z.string().min(1),
  version: z.string().max(100),
  osLanguages: z.array(z.string().max(40)).max(50),
  /** Demo timings (tests shorten them). */
  demo: z
    .object({
      statusDelayMs: z.number().optional(),
      notFoundUntilMs: z.number().optional(),
      pollScheduleMs: z.array(z.number()).optional(),
      credit: z.number().optional(),
    })
    .optional(),
});
export type InitOptions = z.infer<typeof initOptions>;

// `text`: why the keychain cannot keep the token, as a code the window says in the user's language.
const keychainProblem = z.object({
  code: z.literal('keychain_problem'),
  kind: z.enum(['timeout', 'no_libsecret', 'keytar_missing', 'no_dbus', 'no_keyring', 'locked', 'other']),
  detail: z.string().max(300).nullable(),
});
const keychainStatus = z.object({ ok: z.boolean(), message: z.string().nullable(), text: keychainProblem.nullable().optional() });
export type KeychainStatus = z.infer<typeof keychainStatus>;

// ---- main → core ----
export const toCore = z.discriminatedUnion('t', [
  z.object({ t: z.literal('init'), options: initOptions }),
  z.object({ t: z.literal('call'), seq, name: z.string().max(100), input: z.unknown() }),
  z.object({ t: z.literal('wake') }),
  z.object({ t: z.literal('close') }),
  /** The answer to one of the core's asks: `value` is checked against what that ask expects (askAnswers). */
  z.object({ t: z.literal('answer'), seq, ok: z.boolean(), value: z.unknown().optional(), error: z.string().max(2000).optional() }),
]);
export type ToCore = z.infer<typeof toCore>;

// ---- what the core asks main ----
const money = z.number().nullable();
/** What a send and a resend dialog both state. */
const priced = {
  campaign: z.string(),
  recipients: z.number(),
  parts: z.number(),
  cost: money,
  currency: z.string().nullable(),
  creditAfter: money,
};
export const confirmRequest = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('send'),
    ...priced,
    sendAt: z.number().nullable(),
    warning: z.object({ start: z.string(), end: z.string(), countries: z.array(z.string().nullable()) }).nullable(),
  }),
  z.object({ kind: z.literal('resend'), which: z.enum(['uncertain', 'failed']), ...priced }),
  z.object({
    kind: z.literal('replaceToken'),
    account: z.object({ id: z.number().nullable(), credit: z.number(), currency: z.string() }).nullable(),
    problem: z.string().nullable(),
    replacing: z.boolean(),
  }),
  z.object({ kind: z.literal('unsuppress'), msisdn: z.string(), reason: z.string().nullable() }),
  z.object({ kind: z.literal('testNumber'), msisdn: z.string() }),
  z.object({ kind: z.literal('quietHoursOff'), start: z.string(), end: z.string(), queued: z.number() }),
]);

export const ask = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('confirm'), request: confirmRequest }),
  z.object({ kind: z.literal('secret.get') }),
  /** The token crosses this port (and only this one) on its way to the keychain. */
  z.object({ kind: z.literal('secret.set'), token: z.string().min(1).max(500) }),
  z.object({ kind: z.literal('secret.clear') }),
  z.object({ kind: z.literal('proxy'), url: z.string().max(2000) }),
]);
export type Ask = z.infer<typeof ask>;
export type AskKind = Ask['kind'];

/** What main answers to each kind of ask (checked by the core before use). */
export const askAnswers = {
  confirm: z.boolean(),
  'secret.get': z.object({ token: z.string().max(500).nullable(), status: keychainStatus }),
  'secret.set': z.object({ status: keychainStatus }),
  'secret.clear': z.object({ status: keychainStatus }),
  proxy: z.string().max(10_000),
} satisfies Record<AskKind, z.ZodType>;
export type AskAnswer<K extends AskKind> = z.infer<(typeof askAnswers)[K]>;

// ---- core → main ----
const bridgeError = z.object({ kind: z.string(), message: z.string(), text: message.optional(), field: z.string().optional() });
export const callResult = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: bridgeError }),
]);

const notice = z.object({
  key: z.string().max(200),
  level: z.enum(['info', 'warning', 'error']),
  text: message,
  message: z.string(),
});
/** Events to the window: the notice is read by main too (OS notifications), so it is checked in full. */
const event = z.discriminatedUnion('event', [
  z.object({ t: z.literal('event'), event: z.literal('notice'), payload: notice }),
  z.object({ t: z.literal('event'), event: z.literal('outbox.changed'), payload: z.object({ campaignIds: z.array(z.number()) }) }),
  z.object({ t: z.literal('event'), event: z.literal('import.progress'), payload: z.looseObject({ importId: z.string() }) }),
  z.object({ t: z.literal('event'), event: z.literal('account.changed'), payload: z.looseObject({}) }),
]);

export const fromCore = z.union([
  z.discriminatedUnion('t', [
    z.object({ t: z.literal('ready'), pid: z.number().int() }),
    /** The core could not open: the first line of the error, for the error box. */
    z.object({ t: z.literal('failed'), error: z.string().max(4000) }),
    z.object({ t: z.literal('result'), seq, result: callResult }),
    /** Settings → Language as it stands (at open and after every settings change): main's own texts follow. */
    z.object({ t: z.literal('language'), language: z.enum(LANGUAGE_CHOICES) }),
    z.object({ t: z.literal('ask'), seq, ask }),
    z.object({
      t: z.literal('log'),
      level: z.enum(['info', 'warn', 'error']),
      msg: z.string().max(10_000),
      data: z.record(z.string(), z.unknown()).optional(),
    }),
    z.object({ t: z.literal('closed') }),
  ]),
  event,
]);
export type FromCore = z.infer<typeof fromCore>;

/** A short description of a message that failed its check, for the log (never its contents). */
export function describeBad(msg: unknown): string {
  if (msg === null || typeof msg !== 'object') return typeof msg;
  const t = (msg as { t?: unknown }).t;
  return typeof t === 'string' ? `t=${t.slice(0, 40)}` : 'no type';
}
