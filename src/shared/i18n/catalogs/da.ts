// Dansk. Ordliste (brug de samme ord overalt, også i vinduets da.ts): send/afsendelse · modtager ·
// kampagne · udbakke · i kø · leveret · ikke leveret · usikker (vi ved ikke, om GatewayAPI tog imod
// den) · saldo · nøgle (GatewayAPI's API-nøgle) · spærreliste · stille timer · genoptag · sæt på
// pause · SMS-del. GatewayAPI bøjes "GatewayAPI's".
import { CONFIRM_WORDS } from './confirm';
import { sentence } from './cli/types';
import { answerLabel, answerSuffix, type AppCatalog, type Tools } from '../catalog';
import type { GatewayOriginal, NetCause } from '../messages';

const label = answerSuffix;
const theySaid = (m: GatewayOriginal, f: Tools) => (m.original ? ` GatewayAPI skrev: “${f.v(m.original)}”` : '');
const who = (numbers: string[], f: Tools) =>
  numbers.length === 0
    ? 'nogle modtagere'
    : numbers.length <= 5
      ? f.list(numbers.map(f.v))
      : `${numbers.slice(0, 5).map(f.v).join(', ')} og ${f.n(numbers.length - 5)} flere`;

const NET: Record<NetCause, string> = {
  dns: 'værtsnavnet kunne ikke slås op',
  dns_unavailable: 'opslaget af værtsnavnet mislykkedes (ingen DNS-server svarede)',
  refused: 'forbindelsen blev afvist',
  unreachable: 'værten kan ikke nås',
  network_down: 'netværket er nede',
  reset: 'forbindelsen blev afbrudt',
  timeout: 'forbindelsen fik timeout',
  tls: 'den sikre forbindelse (TLS) mislykkedes',
  proxy_refused: 'proxyen afviste forbindelsen',
  bad_port: 'porten i GatewayAPI-adressen er spærret',
  no_answer: 'der kom intet svar i tide',
  cut_short: 'svaret blev afbrudt undervejs',
  other: 'netværksforespørgslen mislykkedes',
};
const NET_FIX: Record<NetCause, string> = {
  dns: 'Tjek internetforbindelsen og GatewayAPI-adressen.',
  dns_unavailable: 'Tjek internetforbindelsen.',
  refused: 'Tjek internetforbindelsen og en eventuel firewall.',
  unreachable: 'Tjek internetforbindelsen.',
  network_down: 'Tjek internetforbindelsen.',
  reset: 'Tjek netværket; en firewall lukker måske forbindelserne.',
  timeout: 'Tjek internetforbindelsen.',
  tls: 'En proxy eller et antivirusprogram undersøger måske sikre forbindelser; tjek dets indstillinger.',
  proxy_refused: 'Tjek proxyindstillingerne (HTTPS_PROXY), eller spørg jeres it-afdeling.',
  bad_port: 'Tjek GatewayAPI-adressen under Indstillinger.',
  no_answer: 'GatewayAPI er måske langsom; du behøver ikke gøre noget.',
  cut_short: 'Tjek netværket.',
  other: 'Tjek internetforbindelsen.',
};

const STATUS: Record<string, [string, string]> = {
  PENDING: ['Venter på rapport', 'Sendt til GatewayAPI; leveringsrapporten er ikke kommet endnu.'],
  UNKNOWN: ['Ukendt', 'GatewayAPI ved endnu ikke, hvad der er sket med beskeden.'],
  SCHEDULED: ['Planlagt', 'GatewayAPI holder beskeden til det planlagte tidspunkt.'],
  BUFFERED: ['I buffer', 'Teleselskabet holder beskeden, fx mens telefonen er slukket.'],
  ENROUTE: ['På vej', 'Givet videre til teleselskabet; endnu ikke bekræftet.'],
  DELIVERED: ['Leveret', 'Telefonen har modtaget beskeden. Betalt.'],
  EXPIRED: ['Udløbet', 'Telefonen kunne ikke nås (slukket eller uden dækning), før beskeden udløb. Betales normalt.'],
  DELETED: ['Slettet', 'Beskeden blev annulleret, før den blev sendt. Ikke betalt.'],
  UNDELIVERABLE: ['Kan ikke leveres', 'Teleselskabet kunne ikke levere den (fx fordi nummeret ikke er i brug). Betales normalt.'],
  ACCEPTED: ['Modtaget af teleselskab', 'Teleselskabet tog imod beskeden, men giver ingen leveringsrapport. Betalt.'],
  REJECTED: ['Afvist', 'GatewayAPI eller teleselskabet afviste beskeden. Ikke betalt.'],
  SKIPPED: ['Sprunget over', 'GatewayAPI sendte den ikke (fx et spærret nummer). Ikke betalt.'],
  NO_FINAL_REPORT: ['Ingen endelig rapport', 'Beskeden udløb uden endelig rapport; den er måske nået frem, måske ikke. Betales normalt.'],
};

const PAUSE = {
  auth: 'GatewayAPI afviste nøglen',
  credit: 'saldoen er brugt op',
  frozen: 'kontoen er spærret',
  user: 'du har sat den på pause',
  account: 'GatewayAPI afviste kontoen',
  unreachable: 'GatewayAPI svarer ikke',
  disk_full: 'disken er fuld',
} as const;

const retry = (s: number | null, f: Tools) => (s == null ? '' : s <= 0 ? ', prøver igen nu' : `, næste forsøg om ${f.n(s)} s`);

export const da: AppCatalog = {
  gw_token_refused: (m) => `GatewayAPI afviste nøglen${label(m)}. Indtast en ny API-nøgle under Indstillinger.`,
  gw_credit: (m) => `GatewayAPI-kontoens saldo er brugt op${label(m)}. Fyld op, og genoptag så.`,
  gw_frozen: (m) => `GatewayAPI melder kontoen spærret${label(m)}. Kontakt GatewayAPI's support, og genoptag så.`,
  gw_ip_not_allowed: (m) =>
    `GatewayAPI tager ikke imod forespørgsler fra denne computers IP-adresse${label(m)}. Tillad den i GatewayAPI's indstillinger (API-nøgler / IP-begrænsninger), og genoptag så.`,
  gw_feature_disabled: (m) =>
    `En funktion, som beskeden bruger, er ikke slået til på GatewayAPI-kontoen${label(m)}. Slå den til i GatewayAPI's indstillinger, eller spørg GatewayAPI's support, og genoptag så.`,
  gw_sms_disabled: (m) =>
    `Afsendelse af SMS er ikke slået til på GatewayAPI-kontoen${label(m)}. Bed GatewayAPI's support om at slå det til, og genoptag så.`,
  gw_country: (m, f) =>
    `Kontoen må ikke sende til ${m.country ? f.country(m.country) : 'dette land'}${label(m)}. Slå landet til i GatewayAPI's indstillinger for at nå det.`,
  gw_temp_blacklisted: (m, f) => `GatewayAPI har midlertidigt spærret ${who(m.numbers, f)}${label(m)}; der prøves igen senere.`,
  gw_blacklisted: (m, f) => `GatewayAPI afviste ${who(m.numbers, f)}: nummeret står på GatewayAPI's spærreliste${label(m)}.`,
  gw_operator: (m) => `Nummerets teleselskab er ikke tilladt på kontoen${label(m)}.`,
  gw_duplicate: (m, f) => `Det samme nummer optrådte to gange i én forespørgsel: ${who(m.numbers, f)}${label(m)}.`,
  gw_content_filtered: (m) => `GatewayAPI frasorterede beskeden på grund af indholdet${label(m)}.`,
  gw_bad_parameter: (m, f) => `GatewayAPI afviste forespørgslen som ufuldstændig eller ugyldig${label(m)}.${theySaid(m, f)}`,
  gw_overloaded: (m) => `GatewayAPI er overbelastet${label(m)} og behandlede ikke forespørgslen; der prøves igen senere.`,
  gw_unavailable: (m) => `GatewayAPI er midlertidigt utilgængelig${label(m)} og behandlede ikke forespørgslen; der prøves igen senere.`,
  gw_proxy_timeout: (m) =>
    `Forespørgslen fik timeout på vej til GatewayAPI${label(m)}; den er måske modtaget, måske ikke. Tjek modtagerne, der er markeret som usikre, før du sender igen.`,
  gw_server_error: (m) =>
    `GatewayAPI svarede med en serverfejl${label(m)} efter at have modtaget forespørgslen; den er måske modtaget, måske ikke. Tjek modtagerne, der er markeret som usikre, før du sender igen.`,
  gw_rejected_other: (m, f) => `GatewayAPI afviste forespørgslen${label(m)}.${theySaid(m, f)}`,
  gw_undocumented: (m, f) =>
    `GatewayAPI-adressen svarede ${answerLabel(m) || 'uden status'}, som GatewayAPI ikke dokumenterer; svaret kommer måske fra en proxy eller firewall.${m.original ? ` Svaret lød: “${f.v(m.original)}”` : ''} Tjek netværket og GatewayAPI-indstillingerne, og genoptag så.`,
  gw_redirect: (m, f) =>
    `GatewayAPI-adressen svarede med en omdirigering${m.host ? ` til ${f.v(m.host)}` : ''}, som ikke blev fulgt: intet blev sendt dertil. Tjek GatewayAPI-adressen under Indstillinger eller en proxy eller loginside på dette netværk, og genoptag så.`,
  net_failed: (m, f) => {
    const what = m.cause === 'proxy_refused' && m.proxyStatus ? `${NET[m.cause]} (HTTP ${f.v(m.proxyStatus)})` : NET[m.cause];
    const where = m.cause === 'proxy_refused' && m.proxy ? `proxyen ${f.v(m.proxy)}` : m.host ? f.v(m.host) : 'GatewayAPI';
    const sent =
      m.written === 'no'
        ? ' Intet blev sendt.'
        : ' Forespørgslen er måske modtaget, måske ikke: tjek modtagerne, der er markeret som usikre, før du sender igen.';
    return `Kan ikke nå ${where}: ${what}.${sent} ${NET_FIX[m.cause]}`;
  },
  net_timeout: (m, f) =>
    `GatewayAPI svarede ikke inden for ${f.n(m.seconds)} s.${m.written === 'maybe' ? ' Forespørgslen er måske modtaget, måske ikke: tjek modtagerne, der er markeret som usikre, før du sender igen.' : ''}`,
  gw_local_rejection: (m, f) =>
    m.reason === 'too_many_recipients' ? 'For mange modtagere i én forespørgsel.' : `Forespørgslen blev ikke sendt: ${f.v(m.detail)}`,
  gw_token_unusable: (m) =>
    ({
      missing: 'Der er ingen GatewayAPI-nøgle. Indtast en API-nøgle under Indstillinger.',
      unreadable: 'GatewayAPI-nøglen kunne ikke læses. Lås nøgleringen op, eller indtast nøglen under Indstillinger.',
      malformed:
        'Den gemte GatewayAPI-nøgle indeholder mellemrum eller tegn, en nøgle ikke kan have. Indtast API-nøglen igen under Indstillinger.',
    })[m.problem],
  gw_unexpected: (m, f) => `Uventet fejl i kontakten med GatewayAPI: ${f.v(m.detail)}`,
  gw_unreadable_answer: (m) =>
    `GatewayAPI svarede HTTP ${m.status}, men ${
      (
        {
          ids: "uden gyldige besked-id'er",
          status: 'leveringsstatus kunne ikke læses',
          credit: 'kontoens saldo kunne ikke læses',
          prices: 'prislisten kunne ikke læses',
          cut_off: 'svaret blev afbrudt',
          too_large: 'svaret var for stort til at blive læst',
        } as const
      )[m.what]
    }.${m.post ? " Beskederne blev sandsynligvis modtaget, men deres id'er kendes ikke: tjek de usikre beskeder, før du sender igen." : ' Prøver igen senere.'}`,

  reason_gave_up: (m, f) =>
    `GatewayAPI var utilgængelig i mere end ${f.duration(m.minutes ?? (m.hours ?? 0) * 60)}; afsendelsen blev opgivet.${m.cause ? ` (${f.t(m.cause)})` : ''} Brug “Send igen til fejlede” for at prøve igen.`,
  reason_uncertain: (m, f) =>
    `Det vides ikke, om GatewayAPI tog imod denne besked: vælg “Send igen” eller “Markér som sendt”.${m.cause ? ` ${f.t(m.cause)}` : ''}`,
  reason_internal: (m, f) => `Uventet fejl under afsendelsen: ${f.v(m.detail)}`,
  reason_cancelled: () => 'Annulleret, før den blev sendt.',
  reason_app_stopped: () => 'Appen stoppede, mens beskeden blev sendt: den er måske nået frem til GatewayAPI, måske ikke.',
  reason_suppressed: () => 'Nummeret står på spærrelisten.',
  reason_legacy: (m, f) => f.v(m.text),
  delivery_report: (m) => `${STATUS[m.status]?.[1] ?? ''}${m.gwCode ? ` (${m.gwCode})` : ''}`.trim(),

  phone_missing: () => 'Intet telefonnummer i denne række',
  phone_excel_scientific: (m, f) =>
    `Excel har lavet nummeret om til videnskabelig notation (${f.v(m.text)}), og cifrene er tabt. Formatér kolonnen som Tekst i Excel, skriv numrene igen, og importér igen.`,
  phone_not_a_number: () => 'Ikke et telefonnummer',
  phone_unknown_country_code: () => 'Ukendt landekode',
  phone_invalid: (m, f) => {
    const cc = m.callingCode ? f.v(m.callingCode) : null;
    const where = m.country ? ` for ${f.country(m.country)}${cc ? ` (+${cc})` : ''}` : cc ? ` for +${cc}-numre` : '';
    const what = {
      invalid: 'Ikke et gyldigt nummer',
      too_short: 'For få cifre',
      too_long: 'For mange cifre',
      wrong_length: 'Forkert antal cifre',
      no_such_number: 'Nummeret findes ikke',
    }[m.problem];
    return what + where;
  },

  file_too_large: (m, f) =>
    `${m.fileName ? f.v(m.fileName) : 'Filen'} fylder ${f.n(m.mb)} MB; filer på op til ${f.n(m.maxMb)} MB kan importeres. Del den op i mindre filer, og importér dem én ad gangen.`,
  file_too_many_columns: (m, f) =>
    `Række ${f.v(m.rowNo)} har ${f.n(m.columns)} kolonner; en fil må højst have ${f.n(m.max)}. Tjek, at du har valgt en CSV-fil med kontakter, eller fjern de ekstra kolonner, og importér igen.`,
  file_cell_too_large: (m, f) =>
    `Række ${f.v(m.rowNo)}, kolonne ${f.n(m.column)} indeholder ${f.n(m.chars)} tegn; en celle må højst indeholde ${f.n(m.max)}. Gør cellen kortere (eller led efter et anførselstegn ("), der aldrig lukkes), og importér igen.`,
  file_row_too_long: (m, f) =>
    `Række ${f.v(m.rowNo)} er længere end ${f.n(m.mb)} MB, langt mere end en kontakt kræver. Tjek rækken (et anførselstegn ("), der aldrig lukkes, gør resten af filen til én celle), og importér igen.`,
  file_unclosed_quote: (m, f) =>
    `Række ${f.v(m.rowNo)} åbner et anførselstegn ("), der aldrig lukkes, så alt efter det ville blive læst som én celle. Ret anførselstegnet i række ${f.v(m.rowNo)}, og importér igen.`,
  file_workbook: () =>
    'Dette er en regnearksfil (Excel/Numbers/LibreOffice), ikke en CSV-fil. Åbn den, vælg “Gem som” → “CSV” (CSV UTF-8, hvis muligt), og importér den fil.',
  file_binary: () => 'Filen er ikke en tekstfil (CSV): den indeholder binære data. Eksportér dine kontakter som CSV, og importér den fil.',
  file_empty: () => 'Filen er tom: der er ingen rækker at importere.',
  file_no_numbers: (m, f) => `${f.v(m.fileName)} indeholder ingen telefonnumre.`,
  file_header_only: (m, f) => `Filen har en overskriftsrække (${f.v(m.headers.join(', '))}), men ingen kontakter under den.`,
  file_bad_column: (m, f) => `Filen har ${f.n(m.columns)} kolonner; kolonne ${f.n(m.column)} findes ikke.`,
  file_no_phone_column: (m, f) =>
    `Ingen kolonne i filen ligner telefonnumre (kolonner: ${f.v(m.headers.join(', '))}). Vælg selv kolonnen med telefonnumre, eller tjek, at du har valgt den rigtige fil.`,
  file_bad_country: (m, f) => `“${f.v(m.country)}” er ikke en landekode, som appen kender (brug fx DK, SE, NO).`,
  row_duplicate: (m, f) => `Samme nummer som række ${f.v(m.earlierRow)} (+${f.v(m.msisdn)}); kun række ${f.v(m.earlierRow)} beholdes`,
  row_suppressed: (m, f) => `+${f.v(m.msisdn)} står på spærrelisten (har frabedt sig beskeder)`,
  row_missing_merge: (m, f) =>
    `${f.list(m.columns.map((c) => `“${f.v(c)}”`))} er tom, men bruges i beskeden (${m.columns.map((c) => f.v(`%${c}%`)).join(', ')})`,
  row_too_long: (m, f) =>
    `Beskeden til denne række fylder ${f.n(m.parts)} SMS-dele${m.ucs2Chars ? ` (sendes som UCS-2, 70 tegn pr. del, på grund af ${f.v(m.ucs2Chars.join(' '))})` : ''}; grænsen er ${f.n(m.maxParts)}`,
  schedule_quiet: (m, f) =>
    `Det planlagte tidspunkt ligger i de stille timer (${f.v(m.start)}–${f.v(m.end)}) for ${f.list(m.countries.map((c) => (c ? f.country(c) : 'modtagere uden kendt land')))}: GatewayAPI sender alligevel på det planlagte tidspunkt. Vælg et andet tidspunkt, eller send nu.`,
  test_number_missing: () => 'Indtast først dit eget testnummer under Indstillinger: testbeskeder sendes kun dertil.',
  test_too_long: (m, f) =>
    `Beskeden fylder ${f.n(m.parts)} SMS-dele; grænsen under Indstillinger er ${f.n(m.maxParts)}, som for en kampagne.`,
  test_number_suppressed: (m, f) => `Dit testnummer ${f.v(m.msisdn)} står på spærrelisten: der sendes intet til det.`,
  token_not_accepted: (m, f) => `GatewayAPI godtog ikke denne nøgle; intet blev gemt.${m.problem ? ` ${f.v(m.problem)}` : ''}`,
  not_confirmed: (m) =>
    m.what === 'send'
      ? 'Ikke sendt: afsendelsen blev ikke bekræftet i SMS Outbox’ dialog.'
      : 'Ikke udført: det blev ikke bekræftet i SMS Outbox’ dialog.',
  imports_busy: (m, f) =>
    `SMS Outbox læser eller tjekker allerede en fil, og ${f.n(m.waiting)} flere venter. Prøv igen, når de er færdige.`,
  disk_space_back: () => 'Der er plads på disken igen: afsendelsen er genoptaget.',
  schedule_too_soon: (m, f) =>
    `Vælg et tidspunkt mindst ${f.plural(m.minMinutes, { one: 'et minut', other: `${f.n(m.minMinutes)} minutter` })} ude i fremtiden, eller send nu.`,
  no_sendable_recipients: () => 'Ingen modtagere i denne fil kan sendes til.',
  demo_no_token: () => 'Demotilstand bruger den indbyggede simulator; skift til rigtig afsendelse for at indtaste en nøgle.',
  check_recipients_first: () => 'Tjek modtagerne først.',
  check_file_first: () => 'Tjek filen først.',
  campaign_not_found: (m, f) => `Der findes ingen kampagne ${f.v(m.campaignId)}.`,
  no_token: () => 'Der er ingen GatewayAPI-nøgle. Indtast en under Indstillinger.',
  test_number_invalid: (m, f) => `Testnummer: ${f.t(m.problem)}.`,
  preview_row_missing: (m, f) => `Filen har ingen række ${f.v(m.rowNo)}.`,
  preview_nothing: () => 'Ingen modtagere kan sendes til, så der er intet at vise.',
  template_name_missing: () => 'Giv den gemte besked et navn.',
  template_text_missing: () => 'Skriv beskeden først.',
  template_name_taken: (m, f) => `Der findes allerede en gemt besked med navnet “${f.v(m.name)}”: vælg et andet navn.`,
  template_gone: () => 'Den gemte besked findes ikke længere.',
  import_gone: () => 'Den import er ikke længere åben: vælg filen igen.',
  import_cancelled: () => 'Importen blev annulleret.',
  input_invalid: (m, f) => {
    const known: Record<string, string> = {
      sender: 'Afsender: op til 11 bogstaver/cifre eller op til 15 cifre.',
      token: 'Nøglen ser for kort ud.',
      defaultCountry: 'Brug en landekode på to bogstaver som DK.',
      name: 'Giv kampagnen et navn.',
      message: 'Skriv en besked.',
      msisdn: 'Skriv et telefonnummer.',
    };
    return (m.field && known[m.field]) ?? (m.field ? `Tjek denne værdi: ${f.v(m.field)}.` : 'Tjek de indtastede værdier.');
  },
  crash_disk_full: () => 'Disken med datamappen er fuld. Frigør plads; intet gemt går tabt.',
  crash_read_only: () => 'Der kan ikke skrives i datamappen (den er skrivebeskyttet). Intet gemt går tabt.',
  crash_unexpected: (m, f) => sentence(`Uventet fejl: ${f.v(m.detail || 'ukendt')}`),
  keychain_problem: (m, f) => {
    const detail = m.detail ? `: ${f.v(m.detail)}` : '';
    return {
      timeout: 'Systemets nøglering svarede ikke i tide; den venter måske på, at du låser den op.',
      no_libsecret:
        'libsecret er ikke installeret, så systemets nøglering kan ikke bruges (installér libsecret-1-0 eller din distributions libsecret-pakke).',
      keytar_missing: `Nøgleringsmodulet (keytar) kunne ikke indlæses${detail}.`,
      no_dbus:
        'Der blev ikke fundet en D-Bus-sessionsbus med en Secret Service (som GNOME Keyring eller KWallet), så systemets nøglering kan ikke nås.',
      no_keyring:
        'Systemets nøglering har ingen oplåst standardnøglering ("login"). Opret eller lås den op i din nøgleringshåndtering (f.eks. Seahorse).',
      locked: 'Systemets nøglering er låst. Lås den op (f.eks. i Seahorse), og angiv nøglen igen.',
      other: `Systemets nøglering fejlede${detail}.`,
    }[m.kind];
  },
  internal_error: () => 'Noget gik galt. Prøv igen; genstart appen, hvis det bliver ved.',
  folder_in_use: () => 'En anden sms-outbox sender fra denne datamappe. Luk den, og prøv så igen.',
  folder_mode_conflict: (m, f) =>
    m.holds === 'demo'
      ? `${f.v(m.dir)} indeholder demokampagner: rigtig afsendelse derfra kunne sende demobeskeder til rigtige numre. Brug en anden datamappe, eller demotilstand.`
      : `${f.v(m.dir)} indeholder rigtige kampagner: en demokørsel der ville give deres kø til simulatoren. Brug en anden datamappe til demoen.`,
  base_url_invalid: (m, f) =>
    ({
      empty: 'GatewayAPI-adressen er tom. Indtast en adresse som https://gatewayapi.com.',
      not_url: `GatewayAPI-adressen er ikke en gyldig adresse: “${f.v(m.got)}”. Brug en adresse som https://gatewayapi.com.`,
      not_https: `GatewayAPI-adressen skal begynde med https:// (fik ${f.v(m.got)}).`,
      http_remote: 'GatewayAPI-adressen skal bruge https:// (almindelig http kun for denne computer), så nøglen aldrig sendes ukrypteret.',
      credentials: 'GatewayAPI-adressen må ikke indeholde brugernavn eller adgangskode; nøglen indtastes for sig.',
      query: 'GatewayAPI-adressen må ikke indeholde en forespørgsel (?…) eller et fragment (#…).',
      not_gatewayapi: `GatewayAPI-adressen må kun pege på denne computer (en simulator) eller på gatewayapi.com eller gatewayapi.eu, ikke på ${f.v(m.got)}: nøglen sendes derhen, hvor adressen peger. Brug kommandolinjen med --base-url for at prøve en anden server.`,
    })[m.problem],

  confirm_send: (m, f) => {
    const cost = m.cost != null ? `, ca. ${f.money(m.cost, m.currency)}` : '';
    const parts = f.plural(m.parts, { one: `${f.n(m.parts)} SMS-del`, other: `${f.n(m.parts)} SMS-dele` });
    const who = f.plural(m.recipients, { one: `${f.n(m.recipients)} modtager`, other: `${f.n(m.recipients)} modtagere` });
    const over = m.overCredit != null ? ` Overslaget er større end din saldo på ${f.money(m.overCredit, m.currency)}.` : '';
    const quiet = m.quiet
      ? ` Det planlagte tidspunkt ligger i de stille timer (${f.v(m.quiet.start)}–${f.v(m.quiet.end)}) for ${f.list(m.quiet.countries.map((c) => (c ? f.country(c) : 'modtagere uden kendt land')))}: GatewayAPI sender alligevel på det planlagte tidspunkt. Vælg et andet tidspunkt, eller send nu.`
      : '';
    return `Send denne besked til ${who} (${parts}${cost})?${over}${quiet}`;
  },

  pause_reason: (m) => PAUSE[m.reason],
  paused: (m, f) => `Afsendelsen er sat på pause: ${m.cause ? f.t(m.cause) : `${PAUSE[m.reason]}.`}`,
  resumed_gateway_answers: () => 'GatewayAPI svarer igen: afsendelsen er genoptaget.',
  disk_full: () =>
    'Disken med datamappen er fuld. Der sendes ikke mere, før der er plads igen; svar, som GatewayAPI allerede har givet, gemmes i hukommelsen og skrives, så snart der er plads. Frigør noget plads: afsendelsen fortsætter af sig selv.',
  resumed_disk_space: () => 'Der er plads på disken igen: afsendelsen er genoptaget.',
  folder_read_only: (m, f) =>
    `Datamappen ${f.v(m.folder)} er skrivebeskyttet: udbakken kan læses, men intet kan sendes eller ændres herfra. Gør mappen skrivbar, eller vælg en anden.`,
  credit_topped_up: (m, f) => `Saldoen er fyldt op (${f.money(m.credit, m.currency)}): afsendelsen er genoptaget.`,
  credit_low: (m, f) =>
    `GatewayAPI-saldoen er lav: ${f.money(m.credit, m.currency)} (advarsel under ${f.money(m.threshold, m.currency)}). Fyld op på din GatewayAPI-konto.`,
  credit_unreadable: (m, f) => `Kontoens saldo kunne ikke læses.${m.cause ? ` ${f.t(m.cause)}` : ''}`,
  uncertain_recipients: (m, f) =>
    `${f.plural(m.count, { one: `${f.n(m.count)} modtager er usikker`, other: `${f.n(m.count)} modtagere er usikre` })}: GatewayAPI har måske taget imod dem, måske ikke. Åbn kampagnen for at sende igen eller markere dem som sendt.`,
  uncertain_after_stop: (m, f) =>
    `${f.plural(m.count, { one: `${f.n(m.count)} modtager`, other: `${f.n(m.count)} modtagere` })} var ved at blive sendt, da appen stoppede, og er markeret som usikre. Åbn kampagnen for at sende igen eller markere dem som sendt.`,
  campaign_finished: (m, f) => {
    const extra = [
      m.uncertain ? `${f.n(m.uncertain)} usikre (du skal tage stilling)` : '',
      m.markedSent ? `${f.n(m.markedSent)} markeret som sendt` : '',
    ].filter(Boolean);
    return `Kampagnen “${f.v(m.name)}” er færdig: ${f.n(m.delivered)} leveret, ${f.n(m.notDelivered)} ikke leveret${extra.map((x) => `, ${x}`).join('')}.`;
  },
  gave_up_resend: (m, f) => `Opgivet efter ${f.duration(m.minutes)}; brug “Send igen til fejlede” for at prøve igen.`,
  campaign_half_stored: (m, f) =>
    `Kampagnen ${f.v(`“${m.name}”`)} (${f.dateTime(m.createdAt)}) blev ikke gemt helt: appen stoppede efter ${f.plural(m.stored, { one: `${f.n(m.stored)} modtager`, other: `${f.n(m.stored)} modtagere` })}. Den vises ikke, og intet af den bliver sendt. Kassér den, og opret den igen fra filen.`,
  discard_half_stored: (m, f) => `Kassér ${f.v(`“${m.name}”`)}`,
  half_stored_discarded: (m, f) => `Den ufærdige kampagne ${f.v(`“${m.name}”`)} er kasseret.`,

  status_name: (m) => STATUS[m.status]?.[0] ?? m.status,
  status_explain: (m) => STATUS[m.status]?.[1] ?? '',
  reject_kind: (m) =>
    ({
      invalid_number: 'Ugyldigt nummer',
      missing_number: 'Intet nummer',
      duplicate: 'Dublet',
      suppressed: 'På spærrelisten',
      missing_merge_value: 'Flettefelt tomt',
      too_long: 'Beskeden er for lang',
    })[m.kind],

  state_name: (m) =>
    ({
      queued: 'I kø',
      claimed: 'Sender',
      in_flight: 'Sender',
      retry_wait: 'Venter på nyt forsøg',
      submitted: 'Afsendt',
      scheduled: 'Planlagt',
      failed: 'Fejlet',
      uncertain: 'Usikker',
      marked_sent: 'Markeret som sendt',
      cancelled: 'Annulleret',
    })[m.state],
  campaign_status: (m) =>
    ({
      active: 'Aktiv',
      paused: 'På pause',
      cancelled: 'Annulleret',
      done: 'Færdig',
      reporting: 'Venter på kvitteringer',
      scheduled: 'Planlagt',
    })[m.status],
  export_column: (m) =>
    ({
      row: 'Række',
      msisdn: 'Telefonnummer',
      name: 'Navn',
      state: 'Tilstand',
      status: 'Leveringsstatus',
      status_meaning: 'Hvad status betyder',
      status_time: 'Statustidspunkt',
      error_code: 'Fejlkode',
      error: 'Årsag',
      gatewayapi_text: "GatewayAPI's tekst",
      parts: 'SMS-dele',
      reason: 'Årsag',
    })[m.column],

  outbox_offline: (m, f) => `Offline — ${f.n(m.queued)} i kø${retry(m.retryInSec, f)}.${m.cause ? ` ${f.t(m.cause)}` : ''}`,
  outbox_busy: (m, f) => `GatewayAPI er optaget — ${f.n(m.queued)} i kø${retry(m.retryInSec, f)}.${m.cause ? ` ${f.t(m.cause)}` : ''}`,
  outbox_sending: (m, f) => `Sender — ${f.n(m.queued)} i kø.`,
  outbox_paused: (m, f) => `Sat på pause (${PAUSE[m.reason]}) — ${f.n(m.queued)} i kø.${m.cause ? ` ${f.t(m.cause)}` : ''}`,
  outbox_quiet: (m, f) => `Stille timer — ${f.n(m.queued)} i kø indtil ${f.clock(m.until)}.`,
  outbox_held_elsewhere: () => 'En anden sms-outbox sender fra denne datamappe.',
  outbox_idle: () => 'Klar.',

  about_title: () => 'Om SMS Outbox',
  about_detail: (m, f) => `Datamappe: ${f.v(m.dataDir)}\nLogfil: ${f.v(m.logFile)}`,
  menu: (m) =>
    ({
      file: 'Filer',
      edit: 'Rediger',
      view: 'Vis',
      window: 'Vindue',
      help: 'Hjælp',
      about: 'Om SMS Outbox',
      quit: 'Afslut',
      undo: 'Fortryd',
      redo: 'Annuller fortryd',
      cut: 'Klip',
      copy: 'Kopiér',
      paste: 'Sæt ind',
      selectAll: 'Vælg alt',
      minimize: 'Minimer',
      zoom: 'Zoom',
      close: 'Luk',
      hide: 'Skjul SMS Outbox',
      hideOthers: 'Skjul andre',
      unhide: 'Vis alle',
      reload: 'Genindlæs',
      forceReload: 'Gennemtving genindlæsning',
      toggleDevTools: 'Udviklerværktøjer',
      ok: 'OK',
      openDataFolder: 'Åbn datamappe',
      openLogFile: 'Åbn logfil',
    })[m.item],
  start_failed: () => 'SMS Outbox kunne ikke starte',
  crash_box: (m, f) => `${f.t(m.problem)}\n\nDetaljerne står i logfilen: ${f.v(m.logFile)}`,
  start_refused_title: () => 'SMS Outbox kan ikke starte',
  start_refused: (m, f) =>
    `SMS Outbox starter ikke med ${f.v(m.found.join(', '))}: de ville lade et andet program læse API-nøglen eller slå de kontroller fra, der sikrer, at appen taler med det rigtige GatewayAPI. Start den uden dem; systemets proxyindstillinger bruges, som de er.`,
  notification_title: () => 'SMS Outbox',
  core_stopped: () =>
    'Udbakkens baggrundsproces stoppede, mens den arbejdede på dette, og startes igen. Intet gemt er tabt: se udbakken, før du prøver igen.',
  core_gave_up: (m, f) =>
    `Udbakkens baggrundsproces stoppede ${f.n(m.restarts + 1)} gange inden for et minut, så SMS Outbox lukker. Intet gemt er tabt. Detaljerne står i logfilen: ${f.v(m.logFile)}`,

  confirm_title: (m, f) => CONFIRM_WORDS.da.title(m.request, f),
  confirm_detail: (m, f) => CONFIRM_WORDS.da.detail(m.request, f),
  confirm_yes: (m) => CONFIRM_WORDS.da.yes(m.request),
  confirm_no: () => CONFIRM_WORDS.da.no,
};
