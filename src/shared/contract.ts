// The typed bridge contract: every call main answers (its input schema and output type) and every
// event main pushes. Main validates every input against these schemas before running anything.
import { z } from 'zod';
import type { DeliveryStatus, Encoding, PauseReason, RecipientState } from './states';
import type { Result } from './result';
import type { RejectKind } from './rejectKinds';
import { LANGUAGE_CHOICES, LANGUAGES } from './i18n/languages';
import type { GatewayMessage, Message, MessageOf, PhoneProblem } from './i18n/messages';

// ---------- shared value schemas ----------
const id = z.number().int().positive();
const country = z.string().regex(/^[A-Z]{2}$/, 'Use a two-letter country code such as DK');
const base64 = z.string().max(100 * 1024 * 1024, 'File is too large');
const fileName = z.string().max(500);
/** The language an export is written in (the window's). */
const uiLanguage = z.enum([...LANGUAGES, 'pseudo']);

export const settingsSchema = z.object({
  platform: z.enum(['com', 'eu', 'custom']),
  customBaseUrl: z.string().max(500).nullable(),
  defaultCountry: country,
  lowCreditThreshold: z.number().min(0).max(1e9),
  batchSize: z.number().int().min(1).max(10000),
  /** Messages per minute; null = unlimited. */
  ratePerMinute: z.number().int().min(1).max(1e6).nullable(),
  maxConcurrent: z.number().int().min(1).max(10),
  /** Most parts one recipient's merged text may need. */
  maxParts: z.number().int().min(1).max(255),
  quietHours: z.object({
    enabled: z.boolean(),
    start: z.string().regex(/^\d\d:\d\d$/),
    end: z.string().regex(/^\d\d:\d\d$/),
  }),
  /** The user's own number for "send a test to yourself". */
  testNumber: z.string().max(32).nullable(),
  /** The window's language; 'system' follows the OS language. */
  language: z.enum(LANGUAGE_CHOICES),
  /** The view the window showed last, restored at the next start (the renderer checks the name). */
  lastView: z.string().max(40).nullable(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  platform: 'com',
  customBaseUrl: null,
  defaultCountry: 'DK',
  lowCreditThreshold: 100,
  batchSize: 1000,
  ratePerMinute: null,
  maxConcurrent: 2,
  maxParts: 6,
  quietHours: { enabled: false, start: '21:00', end: '08:00' },
  testNumber: null,
  language: 'system',
  lastView: null,
};

export { REJECT_KINDS, type RejectKind } from './rejectKinds';

/** Live sending to GatewayAPI, or demo mode against the built-in simulator (its own data folder). */
const MODES = ['live', 'demo'] as const;
export type Mode = (typeof MODES)[number];

// ---------- output types ----------
export interface AppStatus {
  mode: Mode;
  dataDir: string;
  /** Nothing of the token itself: whether it is set, when it was saved, GatewayAPI's last verdict. */
  token: { set: boolean; savedAt: number | null; accepted: boolean | null };
  /** `problem`: why the keychain cannot keep the token (the window says it in its language). */
  keychain: { ok: boolean; problem: MessageOf<'keychain_problem'> | null };
  version: string;
  /** The OS's preferred languages ('sv-SE', …): with Settings → Language 'system', the first one we have. */
  osLanguages: string[];
}

export interface SettingsView {
  settings: Settings;
  app: AppStatus;
}

export interface OutboxState {
  paused: PauseReason;
  pauseMessage: string | null;
  /** What paused sending (GatewayAPI's answer or a network failure), as a code for the user's language. */
  pauseCause: GatewayMessage | null;
  offline: boolean;
  /** Seconds until the next real attempt when waiting (the next probe while offline), else null. */
  retryInSec: number | null;
  /** Why sending waits (host name not found, proxy refused, GatewayAPI busy), else null. */
  cause: GatewayMessage | null;
  counts: Partial<Record<RecipientState, number>>;
  /** Another process (CLI or app) holds the sender lease on this data folder. */
  heldElsewhere: boolean;
  /** Quiet hours hold the queue until this time (epoch ms), else null. */
  quietUntil: number | null;
  /** Campaigns the app stopped storing half-way: never shown nor sent; the user may discard them. */
  halfStored: HalfStoredCampaign[];
}

export interface HalfStoredCampaign {
  id: number;
  name: string;
  createdAt: number;
  /** Recipients stored before it stopped. */
  stored: number;
}

export interface AccountView {
  credit: number | null;
  currency: string | null;
  checkedAt: number | null;
  low: boolean;
  threshold: number;
  error: string | null;
}

export interface ImportPreview {
  importId: string;
  fileName: string;
  encoding: string;
  delimiter: string;
  hasHeader: boolean;
  headers: string[];
  phoneColumn: number | null;
  nameColumn: number | null;
  sampleRows: string[][];
  totalRows: number;
  alreadyImported: { campaignId: number; name: string; at: number } | null;
}

export interface RejectExample {
  rowNo: number;
  message: string;
  /** Why the row is not sent, as a code (message is its English wording). */
  text: Message;
  raw: string[];
}

export interface ImportReport {
  importId: string;
  totalRows: number;
  accepted: number;
  counts: Record<RejectKind, number>;
  examples: Partial<Record<RejectKind, RejectExample[]>>;
  merge: { tags: string[]; unknown: string[] };
  encodings: { gsm7: number; ucs2: number };
  parts: number;
}

export interface EstimateLine {
  country: string;
  recipients: number;
  parts: number;
  unitPrice: number | null;
  cost: number | null;
}

export interface Estimate {
  recipients: number;
  parts: number;
  lines: EstimateLine[];
  currency: string | null;
  total: number | null;
  priceListDate: number | null;
  credit: number | null;
  exceedsCredit: boolean;
  missingPrices: string[];
}

export type CampaignStatus = 'active' | 'paused' | 'cancelled' | 'done';

export interface CampaignSummary {
  id: number;
  name: string;
  sender: string;
  message: string;
  createdAt: number;
  sendAt: number | null;
  status: CampaignStatus;
  total: number;
  states: Partial<Record<RecipientState, number>>;
  statuses: Partial<Record<DeliveryStatus | 'PENDING', number>>;
  estimateCost: number | null;
  totalCost: number | null;
  currency: string | null;
  batches: { total: number; submitted: number };
  demo: boolean;
}

export interface RecipientRow {
  id: number;
  rowNo: number;
  msisdn: string;
  name: string | null;
  state: RecipientState;
  status: DeliveryStatus | null;
  statusAt: number | null;
  errorCode: string | null;
  error: string | null;
  batchId: number | null;
  encoding: Encoding;
  parts: number;
  updatedAt: number;
}

export interface AttemptRow {
  id: number;
  batchId: number;
  startedAt: number;
  finishedAt: number | null;
  httpStatus: number | null;
  outcome: string;
  code: string | null;
  message: string | null;
  body: string | null;
  recipients: number;
}

export interface SuppressionRow {
  msisdn: string;
  reason: string | null;
  addedAt: number;
}

export const RESULT_FILTERS = ['all', 'delivered', 'failed', 'pending', 'uncertain'] as const;

/** A saved message text (Compose → Saved messages). */
export interface MessageTemplate {
  id: number;
  name: string;
  text: string;
  updatedAt: number;
}

/** One accepted recipient's merged message, as the compose preview shows it. */
export interface RecipientPreview {
  /** Accepted recipients in the analysis. */
  total: number;
  /** Position among them (0-based); null when the chosen file row is not sent. */
  index: number | null;
  rowNo: number;
  msisdn: string | null;
  text: string | null;
  encoding: Encoding | null;
  parts: number;
  chars: number;
  /** Why the chosen file row is not sent, else null. */
  rejected: string | null;
  rejectedText: Message | null;
  /** The campaign's longest message (most parts). */
  longest: { index: number; rowNo: number; parts: number } | null;
}

const CAMPAIGN_LIST_STATUSES = ['all', 'active', 'paused', 'done', 'cancelled'] as const;
const campaignListQuery = z.object({
  search: z.string().max(200).default(''),
  status: z.enum(CAMPAIGN_LIST_STATUSES).default('all'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});
export type CampaignListQuery = z.output<typeof campaignListQuery>;

/** GatewayAPI's sender rule: up to 11 letters/digits, or up to 15 digits (campaigns and tests alike). */
export const SENDER_PATTERN = /^([A-Za-z0-9 ._&-]{1,11}|\+?\d{1,15})$/;
export const SENDER_RULE = 'Sender: up to 11 letters/digits, or up to 15 digits';

// ---------- calls ----------
export const calls = {
  'settings.get': { input: z.object({}) },
  'settings.update': { input: settingsSchema.partial() },
  'token.set': { input: z.object({ token: z.string().trim().min(8, 'The token looks too short').max(500) }) },
  'token.clear': { input: z.object({}) },
  'mode.set': { input: z.object({ mode: z.enum(MODES) }) },

  'account.get': { input: z.object({}) },
  'account.refresh': { input: z.object({}) },

  'outbox.state': { input: z.object({}) },
  'outbox.pause': { input: z.object({}) },
  'outbox.resume': { input: z.object({}) },

  'import.preview': {
    input: z.object({ fileName, dataBase64: base64, defaultCountry: country.optional() }),
  },
  'import.analyse': {
    input: z.object({
      importId: z.string().max(100),
      hasHeader: z.boolean(),
      phoneColumn: z.number().int().min(0).max(10000),
      defaultCountry: country,
      message: z.string().max(10000),
    }),
  },
  'import.cancel': { input: z.object({ importId: z.string().max(100) }) },
  'import.rejectedCsv': { input: z.object({ importId: z.string().max(100), lang: uiLanguage.optional() }) },

  'campaign.estimate': {
    input: z.object({ importId: z.string().max(100), message: z.string().max(10000) }),
  },
  'campaign.create': {
    input: z.object({
      importId: z.string().max(100),
      name: z.string().trim().min(1).max(200),
      sender: z.string().trim().regex(SENDER_PATTERN, SENDER_RULE),
      message: z.string().trim().min(1, 'Write a message').max(10000),
      sendAt: z.number().int().positive().nullable(),
      // No `confirm` flag: main asks the user itself (a window's `confirm: true` is dropped unread).
    }),
  },
  'campaign.sendTest': {
    // No number: a test goes only to the test number saved in Settings (see usecases/testMessage.ts).
    input: z.object({
      sender: z.string().trim().regex(SENDER_PATTERN, SENDER_RULE),
      message: z.string().trim().min(1, 'Write a message').max(10000),
    }),
  },
  'campaign.recipients': {
    input: z.object({
      campaignId: id,
      search: z.string().max(100).default(''),
      filter: z.enum(RESULT_FILTERS).default('all'),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
  },
  'campaign.pause': { input: z.object({ campaignId: id }) },
  'campaign.resume': { input: z.object({ campaignId: id }) },
  'campaign.cancel': { input: z.object({ campaignId: id }) },
  'campaign.resolveUncertain': {
    input: z.object({
      campaignId: id,
      recipientIds: z.array(id).max(100000).nullable(),
      action: z.enum(['resend', 'mark_sent']),
    }),
  },
  'campaign.resendFailed': { input: z.object({ campaignId: id }) },
  'campaign.exportCsv': { input: z.object({ campaignId: id, lang: uiLanguage.optional() }) },
  'campaign.attempts': { input: z.object({ campaignId: id }) },
  'campaign.cancelScheduled': { input: z.object({ campaignId: id }) },
  'campaign.discardHalfStored': { input: z.object({ campaignId: id }) },

  'suppression.list': {
    input: z.object({
      search: z.string().max(100).default(''),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
  },
  'suppression.add': {
    input: z.object({ numbers: z.array(z.string().max(64)).min(1).max(100000), reason: z.string().max(200).nullable() }),
  },
  'suppression.remove': { input: z.object({ msisdn: z.string().regex(/^\d{3,15}$/) }) },
  'suppression.import': { input: z.object({ fileName, dataBase64: base64 }) },

  'template.list': { input: z.object({}) },
  'template.save': {
    input: z.object({
      id: id.nullable().default(null),
      name: z.string().trim().min(1, 'Give the saved message a name.').max(100),
      text: z.string().min(1, 'Write the message first.').max(10000),
    }),
  },
  'template.delete': { input: z.object({ id }) },
  'import.previewRecipient': {
    input: z.object({
      importId: z.string().max(100),
      index: z.number().int().min(0).optional(),
      rowNo: z.number().int().min(1).max(10_000_000).optional(),
      longest: z.boolean().optional(),
    }),
  },
  'campaign.page': { input: campaignListQuery },
} as const;

export interface CallOutputs {
  'settings.get': SettingsView;
  'settings.update': SettingsView;
  'token.set': SettingsView;
  'token.clear': SettingsView;
  'mode.set': SettingsView;
  'account.get': AccountView;
  'account.refresh': AccountView;
  'outbox.state': OutboxState;
  'outbox.pause': OutboxState;
  'outbox.resume': OutboxState;
  'import.preview': ImportPreview;
  'import.analyse': ImportReport;
  'import.cancel': null;
  'import.rejectedCsv': { fileName: string; csv: string };
  'campaign.estimate': Estimate;
  'campaign.create': { campaignId: number; queued: number };
  'campaign.sendTest': { campaignId: number };
  'campaign.recipients': { total: number; rows: RecipientRow[] };
  'campaign.pause': CampaignSummary;
  'campaign.resume': CampaignSummary;
  'campaign.cancel': CampaignSummary;
  'campaign.resolveUncertain': { changed: number };
  'campaign.resendFailed': { requeued: number };
  /** Recipients removed with it (0: there was no such half-stored campaign). */
  'campaign.discardHalfStored': { discarded: number };
  'campaign.exportCsv': { fileName: string; csv: string };
  'campaign.attempts': AttemptRow[];
  'campaign.cancelScheduled': { cancelled: number; alreadySent: number };
  'suppression.list': { total: number; rows: SuppressionRow[] };
  'suppression.add': { added: number; invalid: { value: string; message: string; text: PhoneProblem }[] };
  'suppression.remove': { removed: boolean };
  'suppression.import': { added: number; invalid: { value: string; message: string; text: PhoneProblem }[] };
  'template.list': MessageTemplate[];
  'template.save': MessageTemplate;
  'template.delete': { deleted: boolean };
  'import.previewRecipient': RecipientPreview;
  'campaign.page': { total: number; campaigns: CampaignSummary[] };
}

export type CallName = keyof typeof calls;
export type CallInput<N extends CallName> = z.input<(typeof calls)[N]['input']>;
export type ParsedInput<N extends CallName> = z.output<(typeof calls)[N]['input']>;
export type CallOutput<N extends CallName> = CallOutputs[N];

// ---------- events (main → renderer) ----------
export interface Notice {
  key: string;
  level: 'info' | 'warning' | 'error';
  /** What happened, as a code: the window and main's notifications say it in the user's language. */
  text: Message;
  /** The English wording, for logs. */
  message: string;
}

export interface EventPayloads {
  'outbox.changed': { campaignIds: number[] };
  /** Analysis runs in two passes (reading the CSV, then checking rows); done/total restart for each. */
  'import.progress': { importId: string; done: number; total: number; phase: 'parsing' | 'checking' };
  'account.changed': AccountView;
  notice: Notice;
}
export type EventName = keyof EventPayloads;

/** Sends one event; the payload's type follows the event's name (checked where events are made). */
export type Emit = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;

/** Narrows an emitted payload by its event's name, without a cast (see the shell's notices). */
export function isEvent<E extends EventName>(want: E, event: EventName, payload: unknown): payload is EventPayloads[E] {
  void payload;
  return event === want;
}

/** Runs one bridge call by name: main's IPC handler and the e2e harness both hand calls to one. */
export type Dispatch = (name: string, input: unknown) => Promise<Result<unknown>>;

/** What preload puts on window.smsOutbox (and what the e2e harness rebuilds). */
export interface Bridge {
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<Result<CallOutput<N>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
}

// Defined in channels.ts (no imports) so the preload can use them without bundling zod.
