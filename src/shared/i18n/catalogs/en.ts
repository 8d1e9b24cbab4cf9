// English. Glossary (keep these words everywhere): send · recipient · campaign · outbox · queued ·
// delivered · not delivered · uncertain (we do not know whether GatewayAPI accepted it) · credit ·
// token (the GatewayAPI API token) · suppression list · quiet hours · resume · pause · SMS part.
import { CONFIRM_WORDS } from './confirm';
import { sentence } from './cli/types';
import { answerLabel, answerSuffix, type AppCatalog, type Tools } from '../catalog';
import type { GatewayOriginal, NetCause } from '../messages';

const label = answerSuffix;
/** GatewayAPI's own words, marked as theirs. */
const theySaid = (m: GatewayOriginal, f: Tools) => (m.original ? ` GatewayAPI said: “${f.v(m.original)}”` : '');
const who = (numbers: string[], f: Tools) =>
  numbers.length === 0
    ? 'some recipients'
    : numbers.length <= 5
      ? f.list(numbers.map(f.v))
      : `${numbers.slice(0, 5).map(f.v).join(', ')} and ${f.n(numbers.length - 5)} more`;

const NET: Record<NetCause, string> = {
  dns: 'the host name could not be looked up',
  dns_unavailable: 'the host name lookup failed (no DNS server answered)',
  refused: 'the connection was refused',
  unreachable: 'the host is unreachable',
  network_down: 'the network is down',
  reset: 'the connection was reset',
  timeout: 'the connection timed out',
  tls: 'the secure (TLS) connection failed',
  proxy_refused: 'the proxy refused the connection',
  bad_port: 'the port of the GatewayAPI address is blocked',
  no_answer: 'no answer arrived in time',
  cut_short: 'the answer was cut short',
  other: 'the network request failed',
};
const NET_FIX: Record<NetCause, string> = {
  dns: 'Check the internet connection and the GatewayAPI address.',
  dns_unavailable: 'Check the internet connection.',
  refused: 'Check the internet connection and any firewall.',
  unreachable: 'Check the internet connection.',
  network_down: 'Check the internet connection.',
  reset: 'Check the network; a firewall may be closing connections.',
  timeout: 'Check the internet connection.',
  tls: 'A proxy or antivirus may be inspecting secure connections; check its settings.',
  proxy_refused: 'Check the proxy settings (HTTPS_PROXY) or ask your IT department.',
  bad_port: 'Check the GatewayAPI address in Settings.',
  no_answer: 'GatewayAPI may be slow; nothing to do.',
  cut_short: 'Check the network.',
  other: 'Check the internet connection.',
};

const STATUS: Record<string, [string, string]> = {
  PENDING: ['Waiting for report', 'Sent to GatewayAPI; the delivery report has not arrived yet.'],
  UNKNOWN: ['Unknown', 'GatewayAPI has not yet learned what happened to the message.'],
  SCHEDULED: ['Scheduled', 'GatewayAPI holds the message until its scheduled time.'],
  BUFFERED: ['Buffered', 'The operator holds the message, e.g. while the phone is switched off.'],
  ENROUTE: ['On its way', 'Handed to the mobile operator; not yet confirmed.'],
  DELIVERED: ['Delivered', 'The phone received the message. Charged.'],
  EXPIRED: ['Expired', 'The phone could not be reached (switched off or out of coverage) before the message expired. Usually charged.'],
  DELETED: ['Deleted', 'The message was cancelled before it was sent. Not charged.'],
  UNDELIVERABLE: ['Not deliverable', 'The operator could not deliver it (e.g. the number is not in use). Usually charged.'],
  ACCEPTED: ['Accepted by operator', 'The operator accepted the message but gives no delivery report. Charged.'],
  REJECTED: ['Rejected', 'GatewayAPI or the operator refused the message. Not charged.'],
  SKIPPED: ['Skipped', 'GatewayAPI did not send it (e.g. a blocked number). Not charged.'],
  NO_FINAL_REPORT: ['No final report', 'The message expired without a final report; it may or may not have arrived. Usually charged.'],
};

const PAUSE = {
  auth: 'GatewayAPI refused the token',
  credit: 'the credit is used up',
  frozen: 'the account is frozen',
  user: 'you paused it',
  account: 'GatewayAPI refused the account',
  unreachable: 'GatewayAPI is not answering',
  disk_full: 'the disk is full',
} as const;

const retry = (s: number | null, f: Tools) => (s == null ? '' : s <= 0 ? ', retrying now' : `, next attempt in ${f.n(s)} s`);

export const en: AppCatalog = {
  gw_token_refused: (m) => `GatewayAPI refused the token${label(m)}. Enter a new API token in Settings.`,
  gw_credit: (m) => `The GatewayAPI account has run out of credit${label(m)}. Top up, then resume.`,
  gw_frozen: (m) => `GatewayAPI reports the account as frozen${label(m)}. Contact GatewayAPI support, then resume.`,
  gw_ip_not_allowed: (m) =>
    `GatewayAPI does not accept requests from this computer's IP address${label(m)}. Allow it in GatewayAPI's settings (API keys / IP restrictions), then resume.`,
  gw_feature_disabled: (m) =>
    `A feature this message uses is not enabled on the GatewayAPI account${label(m)}. Enable it in GatewayAPI's settings or ask GatewayAPI support, then resume.`,
  gw_sms_disabled: (m) =>
    `SMS sending is not enabled on the GatewayAPI account${label(m)}. Ask GatewayAPI support to enable it, then resume.`,
  gw_country: (m, f) =>
    `The account may not send to ${m.country ? f.country(m.country) : 'this country'}${label(m)}. Enable the country in GatewayAPI's settings to reach it.`,
  gw_temp_blacklisted: (m, f) => `GatewayAPI has temporarily blocked ${who(m.numbers, f)}${label(m)}; retried later.`,
  gw_blacklisted: (m, f) => `GatewayAPI refused ${who(m.numbers, f)}: the number is on GatewayAPI's block list${label(m)}.`,
  gw_operator: (m) => `The mobile operator of this number is not allowed on the account${label(m)}.`,
  gw_duplicate: (m, f) => `The same number appeared twice in one request: ${who(m.numbers, f)}${label(m)}.`,
  gw_content_filtered: (m) => `GatewayAPI filtered the message because of its content${label(m)}.`,
  gw_bad_parameter: (m, f) => `GatewayAPI rejected the request as incomplete or invalid${label(m)}.${theySaid(m, f)}`,
  gw_overloaded: (m) => `GatewayAPI is overloaded${label(m)} and did not process the request; retried later.`,
  gw_unavailable: (m) => `GatewayAPI is temporarily unavailable${label(m)} and did not process the request; retried later.`,
  gw_proxy_timeout: (m) =>
    `The request timed out on the way to GatewayAPI${label(m)}; it may or may not have been accepted. Check the recipients marked uncertain before resending.`,
  gw_server_error: (m) =>
    `GatewayAPI answered with a server error${label(m)} after receiving the request; it may or may not have been accepted. Check the recipients marked uncertain before resending.`,
  gw_rejected_other: (m, f) => `GatewayAPI rejected the request${label(m)}.${theySaid(m, f)}`,
  gw_undocumented: (m, f) =>
    `The GatewayAPI address answered ${answerLabel(m) || 'without a status'}, which GatewayAPI does not document; it may come from a proxy or firewall.${m.original ? ` The answer said: “${f.v(m.original)}”` : ''} Check the network and the GatewayAPI settings, then resume.`,
  gw_redirect: (m, f) =>
    `The GatewayAPI address answered with a redirect${m.host ? ` to ${f.v(m.host)}` : ''}, which was not followed: nothing was sent there. Check the GatewayAPI address in Settings, or a proxy or login page on this network, then resume.`,
  net_failed: (m, f) => {
    const what = m.cause === 'proxy_refused' && m.proxyStatus ? `${NET[m.cause]} (HTTP ${f.v(m.proxyStatus)})` : NET[m.cause];
    const where = m.cause === 'proxy_refused' && m.proxy ? `proxy ${f.v(m.proxy)}` : m.host ? f.v(m.host) : 'GatewayAPI';
    const sent =
      m.written === 'no'
        ? ' Nothing was sent.'
        : ' The request may or may not have been accepted: check the recipients marked uncertain before resending.';
    return `Cannot reach ${where}: ${what}.${sent} ${NET_FIX[m.cause]}`;
  },
  net_timeout: (m, f) =>
    `GatewayAPI did not answer within ${f.n(m.seconds)} s.${m.written === 'maybe' ? ' The request may or may not have been accepted: check the recipients marked uncertain before resending.' : ''}`,
  gw_local_rejection: (m, f) =>
    m.reason === 'too_many_recipients' ? 'Too many recipients in one request.' : `The request was not sent: ${f.v(m.detail)}`,
  gw_token_unusable: (m) =>
    ({
      missing: 'No GatewayAPI token is set. Enter an API token in Settings.',
      unreadable: 'Could not read the GatewayAPI token. Unlock the keychain or enter the token in Settings.',
      malformed: 'The saved GatewayAPI token contains spaces or characters a token cannot have. Enter the API token again in Settings.',
    })[m.problem],
  gw_unexpected: (m, f) => `Unexpected error while talking to GatewayAPI: ${f.v(m.detail)}`,
  gw_unreadable_answer: (m) =>
    `GatewayAPI answered HTTP ${m.status}, but ${
      (
        {
          ids: 'without valid message ids',
          status: 'the delivery status could not be read',
          credit: 'the account credit could not be read',
          prices: 'the price list could not be read',
          cut_off: 'the answer was cut off',
          too_large: 'the answer was too large to read',
        } as const
      )[m.what]
    }.${m.post ? ' The messages were probably accepted, but their ids are unknown: check the messages marked uncertain before resending.' : ' Retrying later.'}`,

  reason_gave_up: (m, f) =>
    `GatewayAPI stayed unavailable for more than ${f.duration(m.minutes ?? (m.hours ?? 0) * 60)}; gave up.${m.cause ? ` (${f.t(m.cause)})` : ''} Use “Resend to failed” to try again.`,
  reason_uncertain: (m, f) =>
    `It is unknown whether GatewayAPI accepted this message: choose “Resend” or “Mark as sent”.${m.cause ? ` ${f.t(m.cause)}` : ''}`,
  reason_internal: (m, f) => `Unexpected error while sending: ${f.v(m.detail)}`,
  reason_cancelled: () => 'Cancelled before it was sent.',
  reason_app_stopped: () => 'The app stopped while this message was being sent: it may or may not have reached GatewayAPI.',
  reason_suppressed: () => 'The number is on the suppression list.',
  reason_legacy: (m, f) => f.v(m.text),
  delivery_report: (m) => `${STATUS[m.status]?.[1] ?? ''}${m.gwCode ? ` (${m.gwCode})` : ''}`.trim(),

  phone_missing: () => 'No phone number in this row',
  phone_excel_scientific: (m, f) =>
    `Excel turned this number into scientific notation (${f.v(m.text)}) and its digits are lost. Format the column as Text in Excel, type the numbers again, and import again.`,
  phone_not_a_number: () => 'Not a phone number',
  phone_unknown_country_code: () => 'Unknown country code',
  phone_invalid: (m, f) => {
    const cc = m.callingCode ? f.v(m.callingCode) : null;
    const where = m.country ? ` for ${f.country(m.country)}${cc ? ` (+${cc})` : ''}` : cc ? ` for +${cc} numbers` : '';
    const what = {
      invalid: 'Not a valid number',
      too_short: 'Too few digits',
      too_long: 'Too many digits',
      wrong_length: 'Wrong number of digits',
      no_such_number: 'No such number',
    }[m.problem];
    return what + where;
  },

  file_too_large: (m, f) =>
    `${m.fileName ? f.v(m.fileName) : 'The file'} is ${f.n(m.mb)} MB; files up to ${f.n(m.maxMb)} MB can be imported. Split it into smaller files and import them one by one.`,
  file_too_many_columns: (m, f) =>
    `Row ${f.v(m.rowNo)} has ${f.n(m.columns)} columns; a file may have at most ${f.n(m.max)}. Check that you picked a contacts CSV file, or remove the extra columns and import again.`,
  file_cell_too_large: (m, f) =>
    `Row ${f.v(m.rowNo)}, column ${f.n(m.column)} holds ${f.n(m.chars)} characters; a cell may hold at most ${f.n(m.max)}. Shorten that cell (or check for a quote (") that is never closed) and import again.`,
  file_row_too_long: (m, f) =>
    `Row ${f.v(m.rowNo)} is longer than ${f.n(m.mb)} MB, far more than a contact needs. Check that row (a quote (") that is never closed makes the rest of the file one cell) and import again.`,
  file_unclosed_quote: (m, f) =>
    `Row ${f.v(m.rowNo)} opens a quote (") that is never closed, so everything after it would be read as one cell. Fix that quote in row ${f.v(m.rowNo)} and import again.`,
  file_workbook: () =>
    'This is a spreadsheet workbook (Excel/Numbers/LibreOffice), not a CSV file. Open it and use “Save As” → “CSV” (CSV UTF-8 if offered), then import that file.',
  file_binary: () => 'This file is not a text (CSV) file: it contains binary data. Export your contacts as CSV and import that file.',
  file_empty: () => 'The file is empty: there are no rows to import.',
  file_no_numbers: (m, f) => `${f.v(m.fileName)} holds no phone numbers.`,
  file_header_only: (m, f) => `The file has a header row (${f.v(m.headers.join(', '))}) but no contacts below it.`,
  file_bad_column: (m, f) => `The file has ${f.n(m.columns)} columns; column ${f.n(m.column)} does not exist.`,
  file_no_phone_column: (m, f) =>
    `No column in this file looks like phone numbers (columns: ${f.v(m.headers.join(', '))}). Choose the phone number column yourself, or check that you picked the right file.`,
  file_bad_country: (m, f) => `“${f.v(m.country)}” is not a country code this app knows (use e.g. DK, SE, NO).`,
  row_duplicate: (m, f) => `Same number as row ${f.v(m.earlierRow)} (+${f.v(m.msisdn)}); only row ${f.v(m.earlierRow)} is kept`,
  row_suppressed: (m, f) => `+${f.v(m.msisdn)} is on the suppression list (opted out)`,
  row_missing_merge: (m, f) =>
    `Empty ${f.list(m.columns.map((c) => `"${f.v(c)}"`))}, which the message uses (${m.columns.map((c) => f.v(`%${c}%`)).join(', ')})`,
  row_too_long: (m, f) =>
    `The message for this row is ${f.n(m.parts)} SMS parts${m.ucs2Chars ? ` (sent as UCS-2, 70 characters per part, because of ${f.v(m.ucs2Chars.join(' '))})` : ''}; the limit is ${f.n(m.maxParts)}`,
  schedule_quiet: (m, f) =>
    `The scheduled time is inside quiet hours (${f.v(m.start)}–${f.v(m.end)}) for ${f.list(m.countries.map((c) => (c ? f.country(c) : 'recipients without a known country')))}: GatewayAPI sends at the scheduled time regardless. Pick another time, or send now.`,
  test_number_missing: () => 'Enter your own test number in Settings first: test messages go only there.',
  test_too_long: (m, f) => `The message needs ${f.n(m.parts)} SMS parts; the limit in Settings is ${f.n(m.maxParts)}, as for a campaign.`,
  test_number_suppressed: (m, f) => `Your test number ${f.v(m.msisdn)} is on the suppression list: nothing is sent to it.`,
  token_not_accepted: (m, f) => `GatewayAPI did not accept this token; nothing was saved.${m.problem ? ` ${f.v(m.problem)}` : ''}`,
  not_confirmed: (m) =>
    m.what === 'send'
      ? "Not sent: the send was not confirmed in SMS Outbox's dialog."
      : "Not done: it was not confirmed in SMS Outbox's dialog.",
  imports_busy: (m, f) =>
    `SMS Outbox is already reading or checking a file, and ${f.n(m.waiting)} more wait their turn. Try again when they are done.`,
  disk_space_back: () => 'There is space on the disk again: sending resumed.',
  schedule_too_soon: (m, f) =>
    `Pick a time at least ${f.plural(m.minMinutes, { one: 'a minute', other: `${f.n(m.minMinutes)} minutes` })} in the future, or send now.`,
  no_sendable_recipients: () => 'No recipient in this file can be sent to.',
  demo_no_token: () => 'Demo mode uses the built-in simulator; switch to live mode to set a token.',
  check_recipients_first: () => 'Check the recipients first.',
  check_file_first: () => 'Check the file first.',
  campaign_not_found: (m, f) => `There is no campaign ${f.v(m.campaignId)}.`,
  no_token: () => 'No GatewayAPI token is set. Enter one in Settings.',
  test_number_invalid: (m, f) => `Test number: ${f.t(m.problem)}.`,
  preview_row_missing: (m, f) => `The file has no row ${f.v(m.rowNo)}.`,
  preview_nothing: () => 'No recipient can be sent to, so there is nothing to preview.',
  template_name_missing: () => 'Give the saved message a name.',
  template_text_missing: () => 'Write the message first.',
  template_name_taken: (m, f) => `A saved message is already called “${f.v(m.name)}”: choose another name.`,
  template_gone: () => 'That saved message no longer exists.',
  import_gone: () => 'That import is no longer open: choose the file again.',
  import_cancelled: () => 'Import cancelled.',
  input_invalid: (m, f) => (m.detail ? m.detail : m.field ? `Check this value: ${f.v(m.field)}.` : 'Check the values entered.'),
  crash_disk_full: () => 'The disk holding the data folder is full. Free some space; nothing stored is lost.',
  crash_read_only: () => 'The data folder cannot be written (it is read-only). Nothing stored is lost.',
  crash_unexpected: (m, f) => sentence(`Unexpected error: ${f.v(m.detail || 'unknown')}`),
  keychain_problem: (m, f) => {
    const detail = m.detail ? `: ${f.v(m.detail)}` : '';
    return {
      timeout: 'The system keychain did not answer in time; it may be waiting for an unlock prompt.',
      no_libsecret:
        "libsecret is not installed, so the system keychain cannot be used (install libsecret-1-0 or your distribution's libsecret package).",
      keytar_missing: `The keychain module (keytar) could not be loaded${detail}.`,
      no_dbus:
        'No D-Bus session bus with a Secret Service (such as GNOME Keyring or KWallet) was found, so the system keychain cannot be reached.',
      no_keyring:
        'The system keychain has no unlocked default keyring ("login"). Create or unlock it in your keyring manager (e.g. Seahorse).',
      locked: 'The system keyring is locked. Unlock it (e.g. in Seahorse) and set the token again.',
      other: `The system keychain failed${detail}.`,
    }[m.kind];
  },
  internal_error: () => 'Something went wrong. Try again; if it keeps happening, restart the app.',
  folder_in_use: () => 'Another sms-outbox is sending from this data folder. Close it, then try again.',
  folder_mode_conflict: (m, f) =>
    m.holds === 'demo'
      ? `${f.v(m.dir)} holds demo campaigns: sending from it for real could send demo messages to real numbers. Use another data folder, or demo mode.`
      : `${f.v(m.dir)} holds real campaigns: a demo run there would hand their queue to the simulator. Use another data folder for the demo.`,
  base_url_invalid: (m, f) =>
    ({
      empty: 'The custom GatewayAPI URL setting is empty. Enter a URL such as https://gatewayapi.com.',
      not_url: `The custom GatewayAPI URL setting is not a valid URL: “${f.v(m.got)}”. Use a URL such as https://gatewayapi.com.`,
      not_https: `The custom GatewayAPI URL setting must start with https:// (got ${f.v(m.got)}).`,
      http_remote:
        'The custom GatewayAPI URL setting must use https:// (plain http is allowed only for this computer: 127.0.0.1 or localhost), so the API token is never sent unencrypted.',
      credentials: 'The custom GatewayAPI URL setting must not contain a user name or password; the API token is entered separately.',
      query: 'The custom GatewayAPI URL setting must not contain a query (?…) or fragment (#…).',
      not_gatewayapi: `The custom GatewayAPI URL setting may point only at this computer (a simulator on 127.0.0.1 or localhost), not at ${f.v(m.got)}: the API token is sent wherever it points. For live sending choose gatewayapi.com or gatewayapi.eu; to try another server, use the command line with --base-url.`,
    })[m.problem],

  confirm_send: (m, f) => {
    const cost = m.cost != null ? `, about ${f.money(m.cost, m.currency)}` : '';
    const parts = f.plural(m.parts, { one: `${f.n(m.parts)} SMS part`, other: `${f.n(m.parts)} SMS parts` });
    const who = f.plural(m.recipients, { one: `${f.n(m.recipients)} recipient`, other: `${f.n(m.recipients)} recipients` });
    const over = m.overCredit != null ? ` The estimate exceeds your credit of ${f.money(m.overCredit, m.currency)}.` : '';
    const quiet = m.quiet
      ? ` The scheduled time is inside quiet hours (${f.v(m.quiet.start)}–${f.v(m.quiet.end)}) for ${f.list(m.quiet.countries.map((c) => (c ? f.country(c) : 'recipients without a known country')))}: GatewayAPI sends at the scheduled time regardless. Pick another time, or send now.`
      : '';
    return `Send this message to ${who} (${parts}${cost})?${over}${quiet}`;
  },

  pause_reason: (m) => PAUSE[m.reason],
  paused: (m, f) => `Sending is paused: ${m.cause ? f.t(m.cause) : `${PAUSE[m.reason]}.`}`,
  resumed_gateway_answers: () => 'GatewayAPI answers again: sending resumed.',
  disk_full: () =>
    'The disk holding the data folder is full. Nothing more is sent until there is space again; answers GatewayAPI already gave are kept in memory and written as soon as there is room. Free some space: sending continues by itself.',
  resumed_disk_space: () => 'There is space on the disk again: sending resumed.',
  folder_read_only: (m, f) =>
    `The data folder ${f.v(m.folder)} is read-only: the outbox can be read, but nothing can be sent or changed from it. Make the folder writable, or choose another.`,
  credit_topped_up: (m, f) => `Credit topped up (${f.money(m.credit, m.currency)}): sending resumed.`,
  credit_low: (m, f) =>
    `GatewayAPI credit is low: ${f.money(m.credit, m.currency)} (warning below ${f.money(m.threshold, m.currency)}). Top up your GatewayAPI account.`,
  credit_unreadable: (m, f) => `Could not read the account credit.${m.cause ? ` ${f.t(m.cause)}` : ''}`,
  uncertain_recipients: (m, f) =>
    `${f.plural(m.count, { one: `${f.n(m.count)} recipient is`, other: `${f.n(m.count)} recipients are` })} uncertain: GatewayAPI may or may not have accepted them. Open the campaign to resend or mark them as sent.`,
  uncertain_after_stop: (m, f) =>
    `${f.plural(m.count, { one: `${f.n(m.count)} recipient was`, other: `${f.n(m.count)} recipients were` })} being sent when the app stopped and ${f.plural(m.count, { one: 'is', other: 'are' })} marked uncertain. Open the campaign to resend or mark them as sent.`,
  campaign_finished: (m, f) => {
    const extra = [
      m.uncertain ? `${f.n(m.uncertain)} uncertain (your decision needed)` : '',
      m.markedSent ? `${f.n(m.markedSent)} marked as sent` : '',
    ].filter(Boolean);
    return `Campaign “${f.v(m.name)}” finished: ${f.n(m.delivered)} delivered, ${f.n(m.notDelivered)} not delivered${extra.map((x) => `, ${x}`).join('')}.`;
  },
  gave_up_resend: (m, f) => `Gave up after ${f.duration(m.minutes)}; use “Resend to failed” to try again.`,
  campaign_half_stored: (m, f) =>
    `Campaign ${f.v(`“${m.name}”`)} (${f.dateTime(m.createdAt)}) was not stored completely: the app stopped after ${f.plural(m.stored, { one: `${f.n(m.stored)} recipient`, other: `${f.n(m.stored)} recipients` })}. It is not shown and nothing of it will be sent. Discard it and create it again from the file.`,
  discard_half_stored: (m, f) => `Discard ${f.v(`“${m.name}”`)}`,
  half_stored_discarded: (m, f) => `The unfinished campaign ${f.v(`“${m.name}”`)} is discarded.`,

  status_name: (m) => STATUS[m.status]?.[0] ?? m.status,
  status_explain: (m) => STATUS[m.status]?.[1] ?? '',
  reject_kind: (m) =>
    ({
      invalid_number: 'Invalid number',
      missing_number: 'No number',
      duplicate: 'Duplicate',
      suppressed: 'On the suppression list',
      missing_merge_value: 'Merge field empty',
      too_long: 'Message too long',
    })[m.kind],

  state_name: (m) =>
    ({
      queued: 'Queued',
      claimed: 'Sending',
      in_flight: 'Sending',
      retry_wait: 'Waiting to retry',
      submitted: 'Submitted',
      scheduled: 'Scheduled',
      failed: 'Failed',
      uncertain: 'Uncertain',
      marked_sent: 'Marked as sent',
      cancelled: 'Cancelled',
    })[m.state],
  campaign_status: (m) =>
    ({
      active: 'Active',
      paused: 'Paused',
      cancelled: 'Cancelled',
      done: 'Done',
      reporting: 'Waiting for reports',
      scheduled: 'Scheduled',
    })[m.status],
  export_column: (m) =>
    ({
      row: 'Row',
      msisdn: 'Phone number',
      name: 'Name',
      state: 'State',
      status: 'Delivery status',
      status_meaning: 'What the status means',
      status_time: 'Status time',
      error_code: 'Error code',
      error: 'Reason',
      gatewayapi_text: "GatewayAPI's text",
      parts: 'SMS parts',
      reason: 'Reason',
    })[m.column],

  outbox_offline: (m, f) => `Offline — ${f.n(m.queued)} queued${retry(m.retryInSec, f)}.${m.cause ? ` ${f.t(m.cause)}` : ''}`,
  outbox_busy: (m, f) => `GatewayAPI busy — ${f.n(m.queued)} queued${retry(m.retryInSec, f)}.${m.cause ? ` ${f.t(m.cause)}` : ''}`,
  outbox_sending: (m, f) => `Sending — ${f.n(m.queued)} queued.`,
  outbox_paused: (m, f) => `Paused (${PAUSE[m.reason]}) — ${f.n(m.queued)} queued.${m.cause ? ` ${f.t(m.cause)}` : ''}`,
  outbox_quiet: (m, f) => `Quiet hours — ${f.n(m.queued)} queued until ${f.clock(m.until)}.`,
  outbox_held_elsewhere: () => 'Another sms-outbox is sending from this data folder.',
  outbox_idle: () => 'Idle.',

  about_title: () => 'About SMS Outbox',
  about_detail: (m, f) => `Data folder: ${f.v(m.dataDir)}\nLog file: ${f.v(m.logFile)}`,
  menu: (m) =>
    ({
      file: 'File',
      edit: 'Edit',
      view: 'View',
      window: 'Window',
      help: 'Help',
      about: 'About SMS Outbox',
      quit: 'Quit',
      undo: 'Undo',
      redo: 'Redo',
      cut: 'Cut',
      copy: 'Copy',
      paste: 'Paste',
      selectAll: 'Select All',
      minimize: 'Minimize',
      zoom: 'Zoom',
      close: 'Close',
      hide: 'Hide SMS Outbox',
      hideOthers: 'Hide Others',
      unhide: 'Show All',
      reload: 'Reload',
      forceReload: 'Force Reload',
      toggleDevTools: 'Toggle Developer Tools',
      ok: 'OK',
      openDataFolder: 'Open data folder',
      openLogFile: 'Open log file',
    })[m.item],
  start_failed: () => 'SMS Outbox could not start',
  crash_box: (m, f) => `${f.t(m.problem)}\n\nThe details are in the log file: ${f.v(m.logFile)}`,
  start_refused_title: () => 'SMS Outbox cannot start',
  start_refused: (m, f) =>
    `SMS Outbox does not start with ${f.v(m.found.join(', '))}: they would let another program read the API token or turn off the checks that the app talks to the real GatewayAPI. Start it without them; the system proxy settings are used as they are.`,
  notification_title: () => 'SMS Outbox',
  core_stopped: () =>
    'The outbox’s background process stopped while working on this, and is being started again. Nothing stored is lost: check the outbox before you try again.',
  core_gave_up: (m, f) =>
    `The outbox’s background process stopped ${f.n(m.restarts + 1)} times within a minute, so SMS Outbox closes. Nothing stored is lost. The details are in the log file: ${f.v(m.logFile)}`,

  confirm_title: (m, f) => CONFIRM_WORDS.en.title(m.request, f),
  confirm_detail: (m, f) => CONFIRM_WORDS.en.detail(m.request, f),
  confirm_yes: (m) => CONFIRM_WORDS.en.yes(m.request),
  confirm_no: () => CONFIRM_WORDS.en.no,
};
