// Svenska. Ordlista (samma ord överallt, även i fönstrets sv.ts): skicka/utskick · mottagare ·
// kampanj · utkorg · i kö · levererat · inte levererat · osäker (vi vet inte om GatewayAPI tog emot
// det) · saldo · nyckel (GatewayAPI:s API-nyckel) · spärrlista · tysta timmar · återuppta · pausa ·
// SMS-del. Genitiv: "GatewayAPI:s".
import { CONFIRM_WORDS } from './confirm';
import { sentence } from './cli/types';
import { answerLabel, answerSuffix, type AppCatalog, type Tools } from '../catalog';
import type { GatewayOriginal, NetCause } from '../messages';

const label = answerSuffix;
const theySaid = (m: GatewayOriginal, f: Tools) => (m.original ? ` GatewayAPI skrev: ”${f.v(m.original)}”` : '');
const who = (numbers: string[], f: Tools) =>
  numbers.length === 0
    ? 'några mottagare'
    : numbers.length <= 5
      ? f.list(numbers.map(f.v))
      : `${numbers.slice(0, 5).map(f.v).join(', ')} och ${f.n(numbers.length - 5)} till`;

const NET: Record<NetCause, string> = {
  dns: 'värdnamnet kunde inte slås upp',
  dns_unavailable: 'uppslagningen av värdnamnet misslyckades (ingen DNS-server svarade)',
  refused: 'anslutningen nekades',
  unreachable: 'värden går inte att nå',
  network_down: 'nätverket är nere',
  reset: 'anslutningen bröts',
  timeout: 'anslutningen tog för lång tid',
  tls: 'den säkra anslutningen (TLS) misslyckades',
  proxy_refused: 'proxyn nekade anslutningen',
  bad_port: 'porten i GatewayAPI-adressen är spärrad',
  no_answer: 'inget svar kom i tid',
  cut_short: 'svaret avbröts på vägen',
  other: 'nätverksanropet misslyckades',
};
const NET_FIX: Record<NetCause, string> = {
  dns: 'Kontrollera internetanslutningen och GatewayAPI-adressen.',
  dns_unavailable: 'Kontrollera internetanslutningen.',
  refused: 'Kontrollera internetanslutningen och eventuell brandvägg.',
  unreachable: 'Kontrollera internetanslutningen.',
  network_down: 'Kontrollera internetanslutningen.',
  reset: 'Kontrollera nätverket; en brandvägg kanske stänger anslutningarna.',
  timeout: 'Kontrollera internetanslutningen.',
  tls: 'En proxy eller ett antivirusprogram kanske granskar säkra anslutningar; kontrollera dess inställningar.',
  proxy_refused: 'Kontrollera proxyinställningarna (HTTPS_PROXY) eller fråga er IT-avdelning.',
  bad_port: 'Kontrollera GatewayAPI-adressen under Inställningar.',
  no_answer: 'GatewayAPI kanske är långsamt; du behöver inte göra något.',
  cut_short: 'Kontrollera nätverket.',
  other: 'Kontrollera internetanslutningen.',
};

const STATUS: Record<string, [string, string]> = {
  PENDING: ['Väntar på rapport', 'Skickat till GatewayAPI; leveransrapporten har inte kommit än.'],
  UNKNOWN: ['Okänd', 'GatewayAPI vet ännu inte vad som hänt med meddelandet.'],
  SCHEDULED: ['Schemalagt', 'GatewayAPI håller meddelandet till den schemalagda tiden.'],
  BUFFERED: ['I buffert', 'Operatören håller meddelandet, t.ex. medan telefonen är avstängd.'],
  ENROUTE: ['På väg', 'Överlämnat till mobiloperatören; ännu inte bekräftat.'],
  DELIVERED: ['Levererat', 'Telefonen har tagit emot meddelandet. Debiteras.'],
  EXPIRED: ['Utgånget', 'Telefonen gick inte att nå (avstängd eller utan täckning) innan meddelandet gick ut. Debiteras oftast.'],
  DELETED: ['Raderat', 'Meddelandet avbröts innan det skickades. Debiteras inte.'],
  UNDELIVERABLE: ['Kan inte levereras', 'Operatören kunde inte leverera det (t.ex. för att numret inte används). Debiteras oftast.'],
  ACCEPTED: ['Mottaget av operatör', 'Operatören tog emot meddelandet men lämnar ingen leveransrapport. Debiteras.'],
  REJECTED: ['Avvisat', 'GatewayAPI eller operatören avvisade meddelandet. Debiteras inte.'],
  SKIPPED: ['Överhoppat', 'GatewayAPI skickade det inte (t.ex. ett spärrat nummer). Debiteras inte.'],
  NO_FINAL_REPORT: ['Ingen slutrapport', 'Meddelandet gick ut utan slutrapport; det kan ha kommit fram eller inte. Debiteras oftast.'],
};

const PAUSE = {
  auth: 'GatewayAPI nekade nyckeln',
  credit: 'saldot är slut',
  frozen: 'kontot är spärrat',
  user: 'du har pausat det',
  account: 'GatewayAPI nekade kontot',
  unreachable: 'GatewayAPI svarar inte',
  disk_full: 'disken är full',
} as const;

const retry = (s: number | null, f: Tools) => (s == null ? '' : s <= 0 ? ', försöker igen nu' : `, nästa försök om ${f.n(s)} s`);

export const sv: AppCatalog = {
  gw_token_refused: (m) => `GatewayAPI nekade nyckeln${label(m)}. Ange en ny API-nyckel under Inställningar.`,
  gw_credit: (m) => `Saldot på GatewayAPI-kontot är slut${label(m)}. Fyll på och återuppta sedan.`,
  gw_frozen: (m) => `GatewayAPI uppger att kontot är spärrat${label(m)}. Kontakta GatewayAPI:s support och återuppta sedan.`,
  gw_ip_not_allowed: (m) =>
    `GatewayAPI tar inte emot anrop från den här datorns IP-adress${label(m)}. Tillåt den i GatewayAPI:s inställningar (API-nycklar / IP-begränsningar) och återuppta sedan.`,
  gw_feature_disabled: (m) =>
    `En funktion som meddelandet använder är inte aktiverad på GatewayAPI-kontot${label(m)}. Aktivera den i GatewayAPI:s inställningar eller fråga GatewayAPI:s support och återuppta sedan.`,
  gw_sms_disabled: (m) =>
    `SMS-utskick är inte aktiverat på GatewayAPI-kontot${label(m)}. Be GatewayAPI:s support att aktivera det och återuppta sedan.`,
  gw_country: (m, f) =>
    `Kontot får inte skicka till ${m.country ? f.country(m.country) : 'det här landet'}${label(m)}. Aktivera landet i GatewayAPI:s inställningar för att nå det.`,
  gw_temp_blacklisted: (m, f) => `GatewayAPI har tillfälligt spärrat ${who(m.numbers, f)}${label(m)}; nytt försök görs senare.`,
  gw_blacklisted: (m, f) => `GatewayAPI nekade ${who(m.numbers, f)}: numret står på GatewayAPI:s spärrlista${label(m)}.`,
  gw_operator: (m) => `Numrets mobiloperatör är inte tillåten på kontot${label(m)}.`,
  gw_duplicate: (m, f) => `Samma nummer fanns två gånger i ett anrop: ${who(m.numbers, f)}${label(m)}.`,
  gw_content_filtered: (m) => `GatewayAPI filtrerade bort meddelandet på grund av innehållet${label(m)}.`,
  gw_bad_parameter: (m, f) => `GatewayAPI avvisade anropet som ofullständigt eller ogiltigt${label(m)}.${theySaid(m, f)}`,
  gw_overloaded: (m) => `GatewayAPI är överbelastat${label(m)} och behandlade inte anropet; nytt försök görs senare.`,
  gw_unavailable: (m) => `GatewayAPI är tillfälligt otillgängligt${label(m)} och behandlade inte anropet; nytt försök görs senare.`,
  gw_proxy_timeout: (m) =>
    `Anropet tog för lång tid på vägen till GatewayAPI${label(m)}; det kan ha tagits emot eller inte. Kontrollera mottagarna som är markerade som osäkra innan du skickar igen.`,
  gw_server_error: (m) =>
    `GatewayAPI svarade med ett serverfel${label(m)} efter att ha tagit emot anropet; det kan ha tagits emot eller inte. Kontrollera mottagarna som är markerade som osäkra innan du skickar igen.`,
  gw_rejected_other: (m, f) => `GatewayAPI avvisade anropet${label(m)}.${theySaid(m, f)}`,
  gw_undocumented: (m, f) =>
    `GatewayAPI-adressen svarade ${answerLabel(m) || 'utan status'}, vilket GatewayAPI inte dokumenterar; svaret kommer kanske från en proxy eller brandvägg.${m.original ? ` Svaret löd: ”${f.v(m.original)}”` : ''} Kontrollera nätverket och GatewayAPI-inställningarna och återuppta sedan.`,
  gw_redirect: (m, f) =>
    `GatewayAPI-adressen svarade med en omdirigering${m.host ? ` till ${f.v(m.host)}` : ''}, som inte följdes: inget skickades dit. Kontrollera GatewayAPI-adressen under Inställningar eller en proxy eller inloggningssida på det här nätverket och återuppta sedan.`,
  net_failed: (m, f) => {
    const what = m.cause === 'proxy_refused' && m.proxyStatus ? `${NET[m.cause]} (HTTP ${f.v(m.proxyStatus)})` : NET[m.cause];
    const where = m.cause === 'proxy_refused' && m.proxy ? `proxyn ${f.v(m.proxy)}` : m.host ? f.v(m.host) : 'GatewayAPI';
    const sent =
      m.written === 'no'
        ? ' Inget skickades.'
        : ' Anropet kan ha tagits emot eller inte: kontrollera mottagarna som är markerade som osäkra innan du skickar igen.';
    return `Kan inte nå ${where}: ${what}.${sent} ${NET_FIX[m.cause]}`;
  },
  net_timeout: (m, f) =>
    `GatewayAPI svarade inte inom ${f.n(m.seconds)} s.${m.written === 'maybe' ? ' Anropet kan ha tagits emot eller inte: kontrollera mottagarna som är markerade som osäkra innan du skickar igen.' : ''}`,
  gw_local_rejection: (m, f) =>
    m.reason === 'too_many_recipients' ? 'För många mottagare i ett anrop.' : `Anropet skickades inte: ${f.v(m.detail)}`,
  gw_token_unusable: (m) =>
    ({
      missing: 'Ingen GatewayAPI-nyckel är angiven. Ange en API-nyckel under Inställningar.',
      unreadable: 'GatewayAPI-nyckeln kunde inte läsas. Lås upp nyckelringen eller ange nyckeln under Inställningar.',
      malformed:
        'Den sparade GatewayAPI-nyckeln innehåller mellanslag eller tecken som en nyckel inte kan ha. Ange API-nyckeln igen under Inställningar.',
    })[m.problem],
  gw_unexpected: (m, f) => `Oväntat fel i kontakten med GatewayAPI: ${f.v(m.detail)}`,
  gw_unreadable_answer: (m) =>
    `GatewayAPI svarade HTTP ${m.status}, men ${
      (
        {
          ids: 'utan giltiga meddelande-id:n',
          status: 'leveransstatus kunde inte läsas',
          credit: 'kontots saldo kunde inte läsas',
          prices: 'prislistan kunde inte läsas',
          cut_off: 'svaret bröts av',
          too_large: 'svaret var för stort för att läsas',
        } as const
      )[m.what]
    }.${m.post ? ' Meddelandena togs sannolikt emot, men deras id:n är okända: kontrollera de osäkra meddelandena innan du skickar igen.' : ' Försöker igen senare.'}`,

  reason_gave_up: (m, f) =>
    `GatewayAPI var otillgängligt i mer än ${f.duration(m.minutes ?? (m.hours ?? 0) * 60)}; utskicket gavs upp.${m.cause ? ` (${f.t(m.cause)})` : ''} Använd ”Skicka igen till misslyckade” för att försöka igen.`,
  reason_uncertain: (m, f) =>
    `Det är okänt om GatewayAPI tog emot meddelandet: välj ”Skicka igen” eller ”Markera som skickat”.${m.cause ? ` ${f.t(m.cause)}` : ''}`,
  reason_internal: (m, f) => `Oväntat fel under utskicket: ${f.v(m.detail)}`,
  reason_cancelled: () => 'Avbrutet innan det skickades.',
  reason_app_stopped: () => 'Appen stängdes medan meddelandet skickades: det kan ha nått GatewayAPI eller inte.',
  reason_suppressed: () => 'Numret står på spärrlistan.',
  reason_legacy: (m, f) => f.v(m.text),
  delivery_report: (m) => `${STATUS[m.status]?.[1] ?? ''}${m.gwCode ? ` (${m.gwCode})` : ''}`.trim(),

  phone_missing: () => 'Inget telefonnummer på den här raden',
  phone_excel_scientific: (m, f) =>
    `Excel har gjort om numret till grundpotensform (${f.v(m.text)}) och siffrorna har gått förlorade. Formatera kolumnen som Text i Excel, skriv in numren igen och importera igen.`,
  phone_not_a_number: () => 'Inte ett telefonnummer',
  phone_unknown_country_code: () => 'Okänd landskod',
  phone_invalid: (m, f) => {
    const cc = m.callingCode ? f.v(m.callingCode) : null;
    const where = m.country ? ` för ${f.country(m.country)}${cc ? ` (+${cc})` : ''}` : cc ? ` för +${cc}-nummer` : '';
    const what = {
      invalid: 'Inte ett giltigt nummer',
      too_short: 'För få siffror',
      too_long: 'För många siffror',
      wrong_length: 'Fel antal siffror',
      no_such_number: 'Numret finns inte',
    }[m.problem];
    return what + where;
  },

  file_too_large: (m, f) =>
    `${m.fileName ? f.v(m.fileName) : 'Filen'} är ${f.n(m.mb)} MB; filer på upp till ${f.n(m.maxMb)} MB kan importeras. Dela upp den i mindre filer och importera dem en i taget.`,
  file_too_many_columns: (m, f) =>
    `Rad ${f.v(m.rowNo)} har ${f.n(m.columns)} kolumner; en fil får ha högst ${f.n(m.max)}. Kontrollera att du valt en CSV-fil med kontakter, eller ta bort de extra kolumnerna och importera igen.`,
  file_cell_too_large: (m, f) =>
    `Rad ${f.v(m.rowNo)}, kolumn ${f.n(m.column)} innehåller ${f.n(m.chars)} tecken; en cell får innehålla högst ${f.n(m.max)}. Korta cellen (eller leta efter ett citattecken (") som aldrig stängs) och importera igen.`,
  file_row_too_long: (m, f) =>
    `Rad ${f.v(m.rowNo)} är längre än ${f.n(m.mb)} MB, mycket mer än en kontakt behöver. Kontrollera raden (ett citattecken (") som aldrig stängs gör resten av filen till en cell) och importera igen.`,
  file_unclosed_quote: (m, f) =>
    `Rad ${f.v(m.rowNo)} öppnar ett citattecken (") som aldrig stängs, så allt efter det skulle läsas som en cell. Rätta citattecknet på rad ${f.v(m.rowNo)} och importera igen.`,
  file_workbook: () =>
    'Det här är en kalkylbladsfil (Excel/Numbers/LibreOffice), inte en CSV-fil. Öppna den, välj ”Spara som” → ”CSV” (CSV UTF-8 om det finns) och importera den filen.',
  file_binary: () =>
    'Filen är inte en textfil (CSV): den innehåller binära data. Exportera dina kontakter som CSV och importera den filen.',
  file_empty: () => 'Filen är tom: det finns inga rader att importera.',
  file_no_numbers: (m, f) => `${f.v(m.fileName)} innehåller inga telefonnummer.`,
  file_header_only: (m, f) => `Filen har en rubrikrad (${f.v(m.headers.join(', '))}) men inga kontakter under den.`,
  file_bad_column: (m, f) => `Filen har ${f.n(m.columns)} kolumner; kolumn ${f.n(m.column)} finns inte.`,
  file_no_phone_column: (m, f) =>
    `Ingen kolumn i filen ser ut som telefonnummer (kolumner: ${f.v(m.headers.join(', '))}). Välj själv kolumnen med telefonnummer, eller kontrollera att du valt rätt fil.`,
  file_bad_country: (m, f) => `”${f.v(m.country)}” är inte en landskod som appen känner till (använd t.ex. SE, DK, NO).`,
  row_duplicate: (m, f) => `Samma nummer som rad ${f.v(m.earlierRow)} (+${f.v(m.msisdn)}); bara rad ${f.v(m.earlierRow)} behålls`,
  row_suppressed: (m, f) => `+${f.v(m.msisdn)} står på spärrlistan (har avböjt utskick)`,
  row_missing_merge: (m, f) =>
    `${f.list(m.columns.map((c) => `”${f.v(c)}”`))} är tomt men används i meddelandet (${m.columns.map((c) => f.v(`%${c}%`)).join(', ')})`,
  row_too_long: (m, f) =>
    `Meddelandet till den här raden blir ${f.n(m.parts)} SMS-delar${m.ucs2Chars ? ` (skickas som UCS-2, 70 tecken per del, på grund av ${f.v(m.ucs2Chars.join(' '))})` : ''}; gränsen är ${f.n(m.maxParts)}`,
  schedule_quiet: (m, f) =>
    `Den schemalagda tiden ligger inom tysta timmar (${f.v(m.start)}–${f.v(m.end)}) för ${f.list(m.countries.map((c) => (c ? f.country(c) : 'mottagare utan känt land')))}: GatewayAPI skickar ändå vid den schemalagda tiden. Välj en annan tid, eller skicka nu.`,
  test_number_missing: () => 'Ange först ditt eget testnummer under Inställningar: testmeddelanden skickas bara dit.',
  test_too_long: (m, f) =>
    `Meddelandet blir ${f.n(m.parts)} SMS-delar; gränsen under Inställningar är ${f.n(m.maxParts)}, som för en kampanj.`,
  test_number_suppressed: (m, f) => `Ditt testnummer ${f.v(m.msisdn)} står på spärrlistan: inget skickas dit.`,
  token_not_accepted: (m, f) => `GatewayAPI godtog inte nyckeln; inget sparades.${m.problem ? ` ${f.v(m.problem)}` : ''}`,
  not_confirmed: (m) =>
    m.what === 'send'
      ? 'Inte skickat: utskicket bekräftades inte i SMS Outbox dialogruta.'
      : 'Inte utfört: det bekräftades inte i SMS Outbox dialogruta.',
  imports_busy: (m, f) =>
    `SMS Outbox läser eller kontrollerar redan en fil, och ${f.n(m.waiting)} till väntar på sin tur. Försök igen när de är klara.`,
  disk_space_back: () => 'Det finns plats på disken igen: utskicket har återupptagits.',
  schedule_too_soon: (m, f) =>
    `Välj en tid minst ${f.plural(m.minMinutes, { one: 'en minut', other: `${f.n(m.minMinutes)} minuter` })} fram i tiden, eller skicka nu.`,
  no_sendable_recipients: () => 'Det går inte att skicka till någon mottagare i den här filen.',
  demo_no_token: () => 'Demoläget använder den inbyggda simulatorn; byt till riktiga utskick för att ange en nyckel.',
  check_recipients_first: () => 'Kontrollera mottagarna först.',
  check_file_first: () => 'Kontrollera filen först.',
  campaign_not_found: (m, f) => `Det finns ingen kampanj ${f.v(m.campaignId)}.`,
  no_token: () => 'Ingen GatewayAPI-nyckel är angiven. Ange en under Inställningar.',
  test_number_invalid: (m, f) => `Testnummer: ${f.t(m.problem)}.`,
  preview_row_missing: (m, f) => `Filen har ingen rad ${f.v(m.rowNo)}.`,
  preview_nothing: () => 'Det går inte att skicka till någon mottagare, så det finns inget att förhandsgranska.',
  template_name_missing: () => 'Ge det sparade meddelandet ett namn.',
  template_text_missing: () => 'Skriv meddelandet först.',
  template_name_taken: (m, f) => `Det finns redan ett sparat meddelande som heter ”${f.v(m.name)}”: välj ett annat namn.`,
  template_gone: () => 'Det sparade meddelandet finns inte längre.',
  import_gone: () => 'Importen är inte längre öppen: välj filen igen.',
  import_cancelled: () => 'Importen avbröts.',
  input_invalid: (m, f) => {
    const known: Record<string, string> = {
      sender: 'Avsändare: upp till 11 bokstäver/siffror, eller upp till 15 siffror.',
      token: 'Nyckeln ser för kort ut.',
      defaultCountry: 'Använd en landskod med två bokstäver, t.ex. SE.',
      name: 'Ge kampanjen ett namn.',
      message: 'Skriv ett meddelande.',
      msisdn: 'Skriv ett telefonnummer.',
    };
    return (m.field && known[m.field]) ?? (m.field ? `Kontrollera det här värdet: ${f.v(m.field)}.` : 'Kontrollera de angivna värdena.');
  },
  crash_disk_full: () => 'Disken med datamappen är full. Frigör utrymme; inget sparat går förlorat.',
  crash_read_only: () => 'Det går inte att skriva i datamappen (den är skrivskyddad). Inget sparat går förlorat.',
  crash_unexpected: (m, f) => sentence(`Oväntat fel: ${f.v(m.detail || 'okänt')}`),
  keychain_problem: (m, f) => {
    const detail = m.detail ? `: ${f.v(m.detail)}` : '';
    return {
      timeout: 'Systemets nyckelring svarade inte i tid; den väntar kanske på att du låser upp den.',
      no_libsecret:
        'libsecret är inte installerat, så systemets nyckelring kan inte användas (installera libsecret-1-0 eller din distributions libsecret-paket).',
      keytar_missing: `Nyckelringsmodulen (keytar) kunde inte läsas in${detail}.`,
      no_dbus:
        'Ingen D-Bus-sessionsbuss med en Secret Service (som GNOME Keyring eller KWallet) hittades, så systemets nyckelring går inte att nå.',
      no_keyring:
        'Systemets nyckelring har ingen upplåst standardnyckelring ("login"). Skapa eller lås upp den i din nyckelringshanterare (t.ex. Seahorse).',
      locked: 'Systemets nyckelring är låst. Lås upp den (t.ex. i Seahorse) och ange nyckeln igen.',
      other: `Systemets nyckelring misslyckades${detail}.`,
    }[m.kind];
  },
  internal_error: () => 'Något gick fel. Försök igen; starta om appen om det fortsätter.',
  folder_in_use: () => 'En annan sms-outbox skickar från den här datamappen. Stäng den och försök sedan igen.',
  folder_mode_conflict: (m, f) =>
    m.holds === 'demo'
      ? `${f.v(m.dir)} innehåller demokampanjer: riktiga utskick därifrån kan skicka demomeddelanden till riktiga nummer. Använd en annan datamapp, eller demoläget.`
      : `${f.v(m.dir)} innehåller riktiga kampanjer: en demokörning där skulle lämna deras kö till simulatorn. Använd en annan datamapp för demon.`,
  base_url_invalid: (m, f) =>
    ({
      empty: 'GatewayAPI-adressen är tom. Ange en adress som https://gatewayapi.com.',
      not_url: `GatewayAPI-adressen är inte en giltig adress: ”${f.v(m.got)}”. Använd en adress som https://gatewayapi.com.`,
      not_https: `GatewayAPI-adressen måste börja med https:// (fick ${f.v(m.got)}).`,
      http_remote:
        'GatewayAPI-adressen måste använda https:// (vanlig http bara för den här datorn), så att nyckeln aldrig skickas okrypterad.',
      credentials: 'GatewayAPI-adressen får inte innehålla användarnamn eller lösenord; nyckeln anges separat.',
      query: 'GatewayAPI-adressen får inte innehålla en fråga (?…) eller ett fragment (#…).',
      not_gatewayapi: `GatewayAPI-adressen får bara peka på den här datorn (en simulator) eller på gatewayapi.com eller gatewayapi.eu, inte på ${f.v(m.got)}: nyckeln skickas dit adressen pekar. Använd kommandoraden med --base-url för att prova en annan server.`,
    })[m.problem],

  confirm_send: (m, f) => {
    const cost = m.cost != null ? `, cirka ${f.money(m.cost, m.currency)}` : '';
    const parts = f.plural(m.parts, { one: `${f.n(m.parts)} SMS-del`, other: `${f.n(m.parts)} SMS-delar` });
    const who = f.plural(m.recipients, { one: `${f.n(m.recipients)} mottagare`, other: `${f.n(m.recipients)} mottagare` });
    const over = m.overCredit != null ? ` Uppskattningen är högre än ditt saldo på ${f.money(m.overCredit, m.currency)}.` : '';
    const quiet = m.quiet
      ? ` Den schemalagda tiden ligger inom tysta timmar (${f.v(m.quiet.start)}–${f.v(m.quiet.end)}) för ${f.list(m.quiet.countries.map((c) => (c ? f.country(c) : 'mottagare utan känt land')))}: GatewayAPI skickar ändå vid den schemalagda tiden. Välj en annan tid, eller skicka nu.`
      : '';
    return `Skicka meddelandet till ${who} (${parts}${cost})?${over}${quiet}`;
  },

  pause_reason: (m) => PAUSE[m.reason],
  paused: (m, f) => `Utskicket är pausat: ${m.cause ? f.t(m.cause) : `${PAUSE[m.reason]}.`}`,
  resumed_gateway_answers: () => 'GatewayAPI svarar igen: utskicket har återupptagits.',
  disk_full: () =>
    'Disken med datamappen är full. Inget mer skickas förrän det finns plats igen; svar som GatewayAPI redan har gett hålls i minnet och skrivs så snart det finns plats. Frigör lite utrymme: utskicket fortsätter av sig självt.',
  resumed_disk_space: () => 'Det finns plats på disken igen: utskicket har återupptagits.',
  folder_read_only: (m, f) =>
    `Datamappen ${f.v(m.folder)} är skrivskyddad: utkorgen kan läsas, men inget kan skickas eller ändras härifrån. Gör mappen skrivbar, eller välj en annan.`,
  credit_topped_up: (m, f) => `Saldot har fyllts på (${f.money(m.credit, m.currency)}): utskicket har återupptagits.`,
  credit_low: (m, f) =>
    `Saldot hos GatewayAPI är lågt: ${f.money(m.credit, m.currency)} (varning under ${f.money(m.threshold, m.currency)}). Fyll på ditt GatewayAPI-konto.`,
  credit_unreadable: (m, f) => `Kontots saldo kunde inte läsas.${m.cause ? ` ${f.t(m.cause)}` : ''}`,
  uncertain_recipients: (m, f) =>
    `${f.plural(m.count, { one: `${f.n(m.count)} mottagare är osäker`, other: `${f.n(m.count)} mottagare är osäkra` })}: GatewayAPI kan ha tagit emot dem eller inte. Öppna kampanjen för att skicka igen eller markera dem som skickade.`,
  uncertain_after_stop: (m, f) =>
    `${f.n(m.count)} mottagare höll på att skickas när appen stängdes och är markerade som osäkra. Öppna kampanjen för att skicka igen eller markera dem som skickade.`,
  campaign_finished: (m, f) => {
    const extra = [
      m.uncertain ? `${f.n(m.uncertain)} osäkra (du behöver bestämma)` : '',
      m.markedSent ? `${f.n(m.markedSent)} markerade som skickade` : '',
    ].filter(Boolean);
    return `Kampanjen ”${f.v(m.name)}” är klar: ${f.n(m.delivered)} levererade, ${f.n(m.notDelivered)} inte levererade${extra.map((x) => `, ${x}`).join('')}.`;
  },
  gave_up_resend: (m, f) => `Gavs upp efter ${f.duration(m.minutes)}; använd ”Skicka igen till misslyckade” för att försöka igen.`,
  campaign_half_stored: (m, f) =>
    `Kampanjen ${f.v(`”${m.name}”`)} (${f.dateTime(m.createdAt)}) sparades inte helt: appen stannade efter ${f.n(m.stored)} mottagare. Den visas inte, och inget av den kommer att skickas. Släng den och skapa den igen från filen.`,
  discard_half_stored: (m, f) => `Släng ${f.v(`”${m.name}”`)}`,
  half_stored_discarded: (m, f) => `Den ofullständiga kampanjen ${f.v(`”${m.name}”`)} är slängd.`,

  status_name: (m) => STATUS[m.status]?.[0] ?? m.status,
  status_explain: (m) => STATUS[m.status]?.[1] ?? '',
  reject_kind: (m) =>
    ({
      invalid_number: 'Ogiltigt nummer',
      missing_number: 'Inget nummer',
      duplicate: 'Dubblett',
      suppressed: 'På spärrlistan',
      missing_merge_value: 'Kopplingsfält tomt',
      too_long: 'Meddelandet är för långt',
    })[m.kind],

  state_name: (m) =>
    ({
      queued: 'I kö',
      claimed: 'Skickar',
      in_flight: 'Skickar',
      retry_wait: 'Väntar på nytt försök',
      submitted: 'Skickat',
      scheduled: 'Schemalagt',
      failed: 'Misslyckat',
      uncertain: 'Osäker',
      marked_sent: 'Markerat som skickat',
      cancelled: 'Avbrutet',
    })[m.state],
  campaign_status: (m) =>
    ({ active: 'Aktiv', paused: 'Pausad', cancelled: 'Avbruten', done: 'Klar', reporting: 'Väntar på rapporter', scheduled: 'Schemalagd' })[
      m.status
    ],
  export_column: (m) =>
    ({
      row: 'Rad',
      msisdn: 'Telefonnummer',
      name: 'Namn',
      state: 'Läge',
      status: 'Leveransstatus',
      status_meaning: 'Vad statusen betyder',
      status_time: 'Statustid',
      error_code: 'Felkod',
      error: 'Orsak',
      gatewayapi_text: 'GatewayAPI:s text',
      parts: 'SMS-delar',
      reason: 'Orsak',
    })[m.column],

  outbox_offline: (m, f) => `Offline — ${f.n(m.queued)} i kö${retry(m.retryInSec, f)}.${m.cause ? ` ${f.t(m.cause)}` : ''}`,
  outbox_busy: (m, f) => `GatewayAPI är upptaget — ${f.n(m.queued)} i kö${retry(m.retryInSec, f)}.${m.cause ? ` ${f.t(m.cause)}` : ''}`,
  outbox_sending: (m, f) => `Skickar — ${f.n(m.queued)} i kö.`,
  outbox_paused: (m, f) => `Pausat (${PAUSE[m.reason]}) — ${f.n(m.queued)} i kö.${m.cause ? ` ${f.t(m.cause)}` : ''}`,
  outbox_quiet: (m, f) => `Tysta timmar — ${f.n(m.queued)} i kö till ${f.clock(m.until)}.`,
  outbox_held_elsewhere: () => 'En annan sms-outbox skickar från den här datamappen.',
  outbox_idle: () => 'Redo.',

  about_title: () => 'Om SMS Outbox',
  about_detail: (m, f) => `Datamapp: ${f.v(m.dataDir)}\nLoggfil: ${f.v(m.logFile)}`,
  menu: (m) =>
    ({
      file: 'Arkiv',
      edit: 'Redigera',
      view: 'Visa',
      window: 'Fönster',
      help: 'Hjälp',
      about: 'Om SMS Outbox',
      quit: 'Avsluta',
      undo: 'Ångra',
      redo: 'Gör om',
      cut: 'Klipp ut',
      copy: 'Kopiera',
      paste: 'Klistra in',
      selectAll: 'Markera allt',
      minimize: 'Minimera',
      zoom: 'Zooma',
      close: 'Stäng',
      hide: 'Göm SMS Outbox',
      hideOthers: 'Göm övriga',
      unhide: 'Visa alla',
      reload: 'Läs in igen',
      forceReload: 'Tvinga omläsning',
      toggleDevTools: 'Utvecklarverktyg',
      ok: 'OK',
      openDataFolder: 'Öppna datamappen',
      openLogFile: 'Öppna loggfilen',
    })[m.item],
  start_failed: () => 'SMS Outbox kunde inte starta',
  crash_box: (m, f) => `${f.t(m.problem)}\n\nDetaljerna finns i loggfilen: ${f.v(m.logFile)}`,
  start_refused_title: () => 'SMS Outbox kan inte starta',
  start_refused: (m, f) =>
    `SMS Outbox startar inte med ${f.v(m.found.join(', '))}: de skulle låta ett annat program läsa API-nyckeln eller stänga av kontrollerna av att appen talar med det riktiga GatewayAPI. Starta den utan dem; systemets proxyinställningar används som de är.`,
  notification_title: () => 'SMS Outbox',
  core_stopped: () =>
    'Utkorgens bakgrundsprocess stannade medan den arbetade med detta och startas igen. Inget sparat har gått förlorat: titta i utkorgen innan du försöker igen.',
  core_gave_up: (m, f) =>
    `Utkorgens bakgrundsprocess stannade ${f.n(m.restarts + 1)} gånger inom en minut, så SMS Outbox stängs. Inget sparat har gått förlorat. Detaljerna finns i loggfilen: ${f.v(m.logFile)}`,

  confirm_title: (m, f) => CONFIRM_WORDS.sv.title(m.request, f),
  confirm_detail: (m, f) => CONFIRM_WORDS.sv.detail(m.request, f),
  confirm_yes: (m) => CONFIRM_WORDS.sv.yes(m.request),
  confirm_no: () => CONFIRM_WORDS.sv.no,
};
