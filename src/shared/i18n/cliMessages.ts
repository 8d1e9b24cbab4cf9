// What the command line says in its own words (help, argument errors, progress, summaries, advice),
// as codes with typed parameters like every other message: words in catalogs/cli/*.ts, one file per
// language, spread into that language's catalog. Option names (--csv) stay as they are in every
// language; their placeholders (FILE, TEXT) are translated.
import type { CampaignStatus } from '../contract';
import type { PauseReason } from '../states';
import type { Message } from './messages';

export type CliHelpTopic = 'main' | 'send' | 'resume' | 'status' | 'import' | 'resolve';
/** An option's placeholder in the help and in "Missing --csv FILE.". */
export type CliPlaceholder = 'FILE' | 'TEXT' | 'NAME' | 'N';
/** Where a run sends: the built-in simulator (null) or a GatewayAPI URL. */
export type CliTarget = string | null;

export type CliMessage =
  // ---- help and arguments ----
  | { code: 'cli_help'; topic: CliHelpTopic; defaultTimeoutSec: number }
  | { code: 'cli_command_not_first'; arg: string; commands: string[] }
  | { code: 'cli_unknown_command'; arg: string; commands: string[] }
  | { code: 'cli_unknown_option'; option: string }
  | { code: 'cli_option_needs_value'; option: string }
  | { code: 'cli_option_ambiguous'; option: string }
  | { code: 'cli_option_takes_no_value'; option: string }
  | { code: 'cli_unexpected_argument'; arg: string }
  | { code: 'cli_bad_arguments'; detail: string }
  | { code: 'cli_missing_option'; option: string; placeholder: CliPlaceholder }
  | { code: 'cli_option_empty'; option: string }
  | { code: 'cli_message_empty' }
  | { code: 'cli_message_too_long'; length: number; max: number }
  | { code: 'cli_sender_invalid'; sender: string }
  | { code: 'cli_name_invalid'; min: number; max: number }
  | { code: 'cli_choose_resolve_action' }
  | { code: 'cli_import_no_file' }
  | { code: 'cli_import_many_files'; files: string[] }
  | { code: 'cli_demo_with_base_url' }
  | {
      code: 'cli_base_url_invalid';
      problem: 'empty' | 'not_url' | 'not_https' | 'http_remote' | 'credentials' | 'query' | 'not_gatewayapi';
      got: string;
    }
  | { code: 'cli_whole_number'; option: string; min: number; max: number; got: string }
  | { code: 'cli_country_format'; got: string }
  | { code: 'cli_country_unknown'; country: string }
  | { code: 'cli_demo_live_folder'; dir: string }
  | { code: 'cli_live_demo_folder'; dir: string }
  | { code: 'cli_cannot_read'; path: string; why: 'missing' | 'folder' | 'denied' | 'other'; detail: string }
  | { code: 'cli_no_phone_column'; fileName: string; columns: string[]; hasHeader: boolean }
  | { code: 'cli_phone_column_range'; option: string; fileName: string; count: number }
  | { code: 'cli_phone_column_unknown'; option: string; fileName: string; columns: string[] }
  | { code: 'cli_phone_column_no_header'; option: string; fileName: string; count: number }
  | { code: 'cli_unknown_fields'; tags: string[]; fileName: string; columns: string[] }
  // ---- the import report ----
  | { code: 'cli_import_summary'; fileName: string; rows: number; accepted: number; rejected: number }
  | { code: 'cli_report_row'; rowNo: number; problem: Message }
  | { code: 'cli_and_more'; count: number }
  | { code: 'cli_wrong_country'; country: string }
  | { code: 'cli_merge_fields'; tags: string[] }
  | { code: 'cli_parts_total'; parts: number; ucs2: number }
  | { code: 'cli_phone_column_used'; column: string }
  | { code: 'cli_json_lists_rejected' }
  // ---- sending ----
  | { code: 'cli_paused_by_user' }
  | { code: 'cli_nothing_sendable'; fileName: string }
  | { code: 'cli_already_sent'; fileName: string; campaignId: number; name: string; at: number }
  | { code: 'cli_confirm_send'; recipients: number; parts: number; target: CliTarget }
  /** The answer hint after the question ("[y/N]"). */
  | { code: 'cli_confirm_hint' }
  /** The words that mean yes, space-separated ("y yes"): English ones are always accepted too. */
  | { code: 'cli_yes_words' }
  | { code: 'cli_not_asked'; recipients: number; parts: number; target: CliTarget }
  | { code: 'cli_not_sent' }
  | { code: 'cli_sending'; campaignId: number; name: string; queued: number; target: CliTarget; dataDir: string }
  | { code: 'cli_others_queued'; count: number; campaigns: number[] }
  | { code: 'cli_nothing_to_send'; dataDir: string }
  | { code: 'cli_uncertain_decide'; count: number }
  | { code: 'cli_retry_now'; batches: number }
  | { code: 'cli_resuming'; campaigns: number[]; target: CliTarget; dataDir: string }
  | { code: 'cli_held_elsewhere'; pid: number | null; host: string | null; dataDir: string }
  | { code: 'cli_disk_full_at_start'; dataDir: string }
  | { code: 'cli_lease_busy'; dataDir: string }
  | { code: 'cli_no_token'; problem: Message | null }
  | { code: 'cli_base_url_setting'; problem: Message; dataDir: string }
  | { code: 'cli_stopped_by_ctrl_c' }
  | { code: 'cli_stopping' }
  | { code: 'cli_stop_deadline'; seconds: number }
  // ---- progress and summaries ----
  | { code: 'cli_progress_sending'; done: number; total: number; batches: number }
  | { code: 'cli_progress_waiting'; delivered: number; notDelivered: number; awaiting: number }
  | { code: 'cli_count_failed'; count: number }
  | { code: 'cli_count_uncertain'; count: number }
  | { code: 'cli_quiet_held'; until: number }
  | { code: 'cli_summary_campaign'; campaignId: number; name: string; total: number }
  | {
      code: 'cli_summary_states';
      submitted: number;
      markedSent: number;
      failed: number;
      uncertain: number;
      cancelled: number;
      unsent: number;
    }
  | { code: 'cli_summary_delivery'; delivered: number; notDelivered: number; awaiting: number }
  | { code: 'cli_summary_cost'; cost: number; currency: string | null }
  // ---- why the run ended as it did (a non-zero exit) ----
  | { code: 'cli_advice_busy' }
  | { code: 'cli_advice_disk_full'; unsent: number }
  | { code: 'cli_advice_paused'; reason: Exclude<PauseReason, null>; pause: Message | null }
  | { code: 'cli_advice_campaign_paused' }
  | { code: 'cli_advice_incomplete'; failed: number; uncertain: number }
  | { code: 'cli_advice_unsent'; unsent: number }
  | { code: 'cli_advice_unreported'; count: number }
  // ---- status and resolve ----
  | { code: 'cli_no_outbox_yet'; dataDir: string }
  | { code: 'cli_no_outbox'; dataDir: string }
  | { code: 'cli_data_folder'; dataDir: string }
  | { code: 'cli_no_campaigns' }
  | { code: 'cli_no_campaign'; campaignId: number }
  | { code: 'cli_status_campaign'; campaignId: number; name: string; status: CampaignStatus; total: number; createdAt: number }
  | { code: 'cli_status_uncertain'; count: number; campaignId: number }
  | { code: 'cli_resolve_none'; campaignId: number }
  | { code: 'cli_resolve_resent'; count: number; campaignId: number; demo: boolean }
  | { code: 'cli_resolve_marked'; count: number; campaignId: number }
  // ---- failures ----
  | { code: 'cli_disk_full'; detail: string }
  | { code: 'cli_read_only'; detail: string }
  | { code: 'cli_database_failed'; detail: string; busy: boolean }
  | { code: 'cli_unexpected'; detail: string | null }
  | { code: 'cli_log_error'; detail: string };
