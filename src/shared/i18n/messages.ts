// Every outcome that reaches a person, as a code with typed parameters. The core, main and the CLI
// build these, never sentences; the window, main's native texts and the CLI turn them into words
// with translate() and one catalog per language (catalogs/*.ts, each typed against this union, so a
// code without words in every language fails `tsc`). Adding a code: add it here, then in all four
// catalogs (en, da, sv, nb) — keep each catalog's glossary terms.
import type { DeliveryStatus, PauseReason, RecipientState } from '../states';
import type { RejectKind } from '../rejectKinds';
import type { ConfirmRequest } from '../confirmRequest';
import type { CampaignStatus } from '../contract';
import type { CliMessage } from './cliMessages';

/** The header cells of the results and rejected-rows files. */
export type ExportColumn =
  | 'row'
  | 'msisdn'
  | 'name'
  | 'state'
  | 'status'
  | 'status_meaning'
  | 'status_time'
  | 'error_code'
  | 'error'
  | 'gatewayapi_text'
  | 'parts'
  | 'reason';

/** Why a phone number cell is not a number we can send to. */
export type PhoneProblem =
  | { code: 'phone_missing' }
  | { code: 'phone_excel_scientific'; text: string }
  | { code: 'phone_not_a_number' }
  | { code: 'phone_unknown_country_code' }
  | {
      code: 'phone_invalid';
      problem: 'invalid' | 'too_short' | 'too_long' | 'wrong_length' | 'no_such_number';
      country: string | null;
      callingCode: string | null;
    };

/** What went wrong on the network before any HTTP answer (host/proxy named so the user can act). */
export type NetCause =
  | 'dns'
  | 'dns_unavailable'
  | 'refused'
  | 'unreachable'
  | 'network_down'
  | 'reset'
  | 'timeout'
  | 'tls'
  | 'proxy_refused'
  | 'bad_port'
  | 'no_answer'
  | 'cut_short'
  | 'other';

/** Fields every GatewayAPI answer message carries: its own text stays one click away. */
export interface GatewayOriginal {
  httpStatus: number | null;
  /** GatewayAPI's error code ("0x0216"), if any. */
  gwCode: string | null;
  /** GatewayAPI's own words (message / field errors), or an excerpt of a proxy's page. */
  original: string | null;
  incident: string | null;
}

/** A GatewayAPI answer or a network failure, as the gateway client classified it. */
export type GatewayMessage =
  | ({ code: 'gw_token_refused' } & GatewayOriginal)
  | ({ code: 'gw_credit' } & GatewayOriginal)
  | ({ code: 'gw_frozen' } & GatewayOriginal)
  | ({ code: 'gw_ip_not_allowed' } & GatewayOriginal)
  | ({ code: 'gw_feature_disabled' } & GatewayOriginal)
  | ({ code: 'gw_sms_disabled' } & GatewayOriginal)
  | ({ code: 'gw_country'; country: string | null } & GatewayOriginal)
  | ({ code: 'gw_temp_blacklisted'; numbers: string[] } & GatewayOriginal)
  | ({ code: 'gw_blacklisted'; numbers: string[] } & GatewayOriginal)
  | ({ code: 'gw_operator' } & GatewayOriginal)
  | ({ code: 'gw_duplicate'; numbers: string[] } & GatewayOriginal)
  | ({ code: 'gw_content_filtered' } & GatewayOriginal)
  | ({ code: 'gw_bad_parameter' } & GatewayOriginal)
  | ({ code: 'gw_overloaded' } & GatewayOriginal)
  | ({ code: 'gw_unavailable' } & GatewayOriginal)
  | ({ code: 'gw_proxy_timeout' } & GatewayOriginal)
  | ({ code: 'gw_server_error' } & GatewayOriginal)
  /** A 400/422 with a code we have no words for: GatewayAPI's own text is shown, marked as theirs. */
  | ({ code: 'gw_rejected_other' } & GatewayOriginal)
  /** An answer GatewayAPI does not document (a proxy's page, 402, 413…): all sending pauses. */
  | ({ code: 'gw_undocumented' } & GatewayOriginal)
  | ({ code: 'gw_redirect'; host: string | null } & GatewayOriginal)
  | {
      code: 'net_failed';
      cause: NetCause;
      host: string | null;
      proxy: string | null;
      proxyStatus: number | null;
      detail: string;
      written: 'no' | 'maybe';
    }
  | { code: 'net_timeout'; seconds: number; written: 'no' | 'maybe' }
  | { code: 'gw_local_rejection'; reason: 'too_many_recipients' | 'invalid_request'; detail: string }
  | { code: 'gw_unexpected'; detail: string }
  /** A 2xx answer the app could not use: for a POST the messages were probably accepted (uncertain). */
  | { code: 'gw_unreadable_answer'; status: number; post: boolean; what: 'ids' | 'status' | 'credit' | 'prices' | 'cut_off' | 'too_large' }
  /** No request was made: the token is not set, cannot be read from the keychain, or is malformed. */
  | { code: 'gw_token_unusable'; problem: 'missing' | 'unreadable' | 'malformed' };

/** Why a recipient did not get the message, as stored with it and shown in the table and exports. */
export type RecipientReason =
  | GatewayMessage
  /** `minutes` since the retry limit became configurable below an hour; rows stored before carry `hours`. */
  | { code: 'reason_gave_up'; hours?: number; minutes?: number; cause: GatewayMessage | null }
  | { code: 'reason_uncertain'; cause: GatewayMessage | null }
  | { code: 'reason_internal'; detail: string }
  | { code: 'reason_cancelled' }
  | { code: 'reason_app_stopped' }
  | { code: 'reason_suppressed' }
  | { code: 'reason_legacy'; text: string }
  /** A final delivery report's error (dsnerror/dsnerrorcode): our words for the status, GatewayAPI's beside them. */
  | ({ code: 'delivery_report'; status: string } & GatewayOriginal);

export type Message =
  | GatewayMessage
  | CliMessage
  | RecipientReason
  | PhoneProblem
  // ---- a file that cannot be imported at all ----
  | { code: 'file_too_large'; fileName: string | null; mb: number; maxMb: number }
  | { code: 'file_too_many_columns'; rowNo: number; columns: number; max: number }
  | { code: 'file_cell_too_large'; rowNo: number; column: number; chars: number; max: number }
  | { code: 'file_row_too_long'; rowNo: number; mb: number }
  | { code: 'file_unclosed_quote'; rowNo: number }
  | { code: 'file_workbook' }
  | { code: 'file_binary' }
  | { code: 'file_empty' }
  | { code: 'file_no_numbers'; fileName: string }
  | { code: 'file_header_only'; headers: string[] }
  | { code: 'file_bad_column'; columns: number; column: number }
  | { code: 'file_no_phone_column'; headers: string[] }
  | { code: 'file_bad_country'; country: string }
  // ---- the import report: why a row is not sent ----
  | { code: 'row_duplicate'; earlierRow: number; msisdn: string }
  | { code: 'row_suppressed'; msisdn: string }
  | { code: 'row_missing_merge'; columns: string[] }
  | { code: 'row_too_long'; parts: number; maxParts: number; ucs2Chars: string[] | null }
  // ---- errors answered to a request (AppError) ----
  | { code: 'schedule_too_soon'; minMinutes: number }
  | { code: 'schedule_quiet'; start: string; end: string; countries: (string | null)[] }
  | { code: 'test_number_missing' }
  | { code: 'test_too_long'; parts: number; maxParts: number }
  | { code: 'test_number_suppressed'; msisdn: string }
  | { code: 'token_not_accepted'; problem: string | null }
  | { code: 'not_confirmed'; what: 'send' | 'other' }
  | { code: 'imports_busy'; waiting: number }
  | { code: 'disk_space_back' }
  | { code: 'no_sendable_recipients' }
  | { code: 'demo_no_token' }
  | { code: 'check_recipients_first' }
  | { code: 'check_file_first' }
  | { code: 'campaign_not_found'; campaignId: number }
  | { code: 'no_token' }
  | { code: 'test_number_invalid'; problem: PhoneProblem }
  | { code: 'preview_row_missing'; rowNo: number }
  | { code: 'preview_nothing' }
  | { code: 'template_name_missing' }
  | { code: 'template_text_missing' }
  | { code: 'template_name_taken'; name: string }
  | { code: 'template_gone' }
  | { code: 'import_gone' }
  | { code: 'import_cancelled' }
  /** A bridge input that failed validation; `detail` is the schema's English rule (shown in English only). */
  | { code: 'input_invalid'; field: string | null; detail?: string }
  | { code: 'internal_error' }
  // ---- an error nobody caught (main and the CLI say it in one sentence) ----
  | { code: 'crash_disk_full' }
  | { code: 'crash_read_only' }
  | { code: 'crash_unexpected'; detail: string }
  // ---- the OS keychain (the token's home) cannot be used ----
  | { code: 'keychain_problem'; kind: KeychainProblem; detail: string | null }
  | { code: 'folder_in_use' }
  | { code: 'folder_mode_conflict'; dir: string; holds: 'demo' | 'live' }
  | {
      code: 'base_url_invalid';
      problem: 'empty' | 'not_url' | 'not_https' | 'http_remote' | 'credentials' | 'query' | 'not_gatewayapi';
      got: string;
    }
  // ---- the send confirmation ----
  | {
      code: 'confirm_send';
      recipients: number;
      parts: number;
      cost: number | null;
      currency: string | null;
      /** Set when the estimate exceeds the credit. */
      overCredit: number | null;
      quiet: { start: string; end: string; countries: (string | null)[] } | null;
    }
  // ---- pauses, notices, banners ----
  | { code: 'pause_reason'; reason: Exclude<PauseReason, null> }
  | { code: 'paused'; reason: Exclude<PauseReason, null>; cause: GatewayMessage | null }
  | { code: 'resumed_gateway_answers' }
  /** The disk holding the data folder is full: sending paused, answers held in memory (issue 19). */
  | { code: 'disk_full' }
  | { code: 'resumed_disk_space' }
  /** The data folder cannot be written: reading works, sending cannot. */
  | { code: 'folder_read_only'; folder: string }
  | { code: 'credit_topped_up'; credit: number; currency: string | null }
  | { code: 'credit_low'; credit: number; currency: string | null; threshold: number }
  | { code: 'credit_unreadable'; cause: GatewayMessage | null }
  | { code: 'uncertain_recipients'; count: number }
  | { code: 'uncertain_after_stop'; count: number }
  | { code: 'campaign_finished'; name: string; delivered: number; notDelivered: number; uncertain: number; markedSent: number }
  | { code: 'gave_up_resend'; minutes: number }
  /** A campaign the app stopped storing half-way: never shown nor sent (load, issue 19). */
  | { code: 'campaign_half_stored'; name: string; stored: number; createdAt: number }
  | { code: 'discard_half_stored'; name: string }
  | { code: 'half_stored_discarded'; name: string }
  // ---- delivery states (the table, filters, chart and exports) ----
  | { code: 'status_name'; status: DeliveryStatus | 'PENDING' }
  | { code: 'status_explain'; status: DeliveryStatus | 'PENDING' }
  | { code: 'reject_kind'; kind: RejectKind }
  | { code: 'state_name'; state: RecipientState }
  /** A campaign's state on its card and in the CLI's status table ('reporting': waiting for reports). */
  | { code: 'campaign_status'; status: CampaignStatus | 'reporting' | 'scheduled' }
  | { code: 'export_column'; column: ExportColumn }
  // ---- what the outbox is doing (CLI status line, window header) ----
  | { code: 'outbox_offline'; queued: number; retryInSec: number | null; cause: GatewayMessage | null }
  | { code: 'outbox_busy'; queued: number; retryInSec: number | null; cause: GatewayMessage | null }
  | { code: 'outbox_sending'; queued: number }
  | { code: 'outbox_paused'; queued: number; reason: Exclude<PauseReason, null>; cause: GatewayMessage | null }
  | { code: 'outbox_quiet'; queued: number; until: number }
  | { code: 'outbox_held_elsewhere' }
  | { code: 'outbox_idle' }
  // ---- app menus and the About box (main) ----
  | { code: 'about_title' }
  | { code: 'about_detail'; dataDir: string; logFile: string }
  | { code: 'menu'; item: MenuItem }
  | { code: 'start_failed' }
  /** Main's box for an error nobody caught: the sentence, then where the log is. */
  | { code: 'crash_box'; problem: Message; logFile: string }
  /** A packaged app started with switches or environment that would expose the token. */
  | { code: 'start_refused_title' }
  | { code: 'start_refused'; found: string[] }
  | { code: 'notification_title' }
  /** The outbox's own process stopped while this call was running; it is being started again. */
  | { code: 'core_stopped' }
  /** It stopped again and again (restarts: how many within the last minute): the app closes. */
  | { code: 'core_gave_up'; restarts: number; logFile: string }

  // ---- main's own confirmations (native dialogs; words in catalogs/confirm.ts) ----
  | { code: 'confirm_title'; request: ConfirmRequest }
  | { code: 'confirm_detail'; request: ConfirmRequest }
  | { code: 'confirm_yes'; request: ConfirmRequest }
  | { code: 'confirm_no' };

export type KeychainProblem = 'timeout' | 'no_libsecret' | 'keytar_missing' | 'no_dbus' | 'no_keyring' | 'locked' | 'other';

/** Every label of main's application menu and About box. */
export type MenuItem =
  | 'file'
  | 'edit'
  | 'view'
  | 'window'
  | 'help'
  | 'about'
  | 'quit'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'minimize'
  | 'zoom'
  | 'close'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'reload'
  | 'forceReload'
  | 'toggleDevTools'
  | 'ok'
  | 'openDataFolder'
  | 'openLogFile';

export type MessageCode = Message['code'];
export type MessageOf<C extends MessageCode> = Extract<Message, { code: C }>;

/** Old rows and foreign strings stay readable: a stored reason is JSON of a Message, or plain text. */
export function parseStoredReason(stored: string | null | undefined): RecipientReason | null {
  if (stored == null || stored === '') return null;
  if (stored.startsWith('{"code":')) {
    try {
      const m = JSON.parse(stored) as unknown;
      if (m !== null && typeof m === 'object' && typeof (m as { code?: unknown }).code === 'string') return m as RecipientReason;
    } catch {
      // falls through: shown as the text it is
    }
  }
  return { code: 'reason_legacy', text: stored };
}

/** GatewayAPI's own words in a message, if it carries them (for the disclosure and exports). */
export function gatewayOriginal(m: Message | null | undefined): GatewayOriginal | null {
  if (!m) return null;
  if ('original' in m && 'gwCode' in m) return m;
  if ('cause' in m && m.cause !== null && typeof m.cause === 'object') return gatewayOriginal(m.cause);
  return null;
}
