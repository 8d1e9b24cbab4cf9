// Norsk bokmål. Ordliste (samme ord overalt, også i vinduets nb.ts): send/utsending · mottaker ·
// kampanje · utboks · i kø · levert · ikke levert · usikker (vi vet ikke om GatewayAPI tok imot den) ·
// saldo · nøkkel (GatewayAPIs API-nøkkel) · sperreliste · stille timer · gjenoppta · sett på pause ·
// SMS-del. Genitiv: "GatewayAPIs".
import { CONFIRM_WORDS } from './confirm';
import { sentence } from './cli/types';
import { answerLabel, answerSuffix, type AppCatalog, type Tools } from '../catalog';
import type { GatewayOriginal, NetCause } from '../messages';

const label = answerSuffix;
const theySaid = (m: GatewayOriginal, f: Tools) => (m.original ? ` GatewayAPI skrev: «${f.v(m.original)}»` : '');
const who = (numbers: string[], f: Tools) =>
  numbers.length === 0
    ? 'noen mottakere'
    : numbers.length <= 5
      ? f.list(numbers.map(f.v))
      : `${numbers.slice(0, 5).map(f.v).join(', ')} og ${f.n(numbers.length - 5)} til`;

const NET: Record<NetCause, string> = {
  dns: 'vertsnavnet kunne ikke slås opp',
  dns_unavailable: 'oppslaget av vertsnavnet mislyktes (ingen DNS-server svarte)',
  refused: 'tilkoblingen ble avvist',
  unreachable: 'verten kan ikke nås',
  network_down: 'nettverket er nede',
  reset: 'tilkoblingen ble brutt',
  timeout: 'tilkoblingen fikk tidsavbrudd',
  tls: 'den sikre tilkoblingen (TLS) mislyktes',
  proxy_refused: 'proxyen avviste tilkoblingen',
  bad_port: 'porten i GatewayAPI-adressen er sperret',
  no_answer: 'det kom ikke noe svar i tide',
  cut_short: 'svaret ble avbrutt underveis',
  other: 'nettverksforespørselen mislyktes',
};
const NET_FIX: Record<NetCause, string> = {
  dns: 'Sjekk internettilkoblingen og GatewayAPI-adressen.',
  dns_unavailable: 'Sjekk internettilkoblingen.',
  refused: 'Sjekk internettilkoblingen og eventuell brannmur.',
  unreachable: 'Sjekk internettilkoblingen.',
  network_down: 'Sjekk internettilkoblingen.',
  reset: 'Sjekk nettverket; en brannmur lukker kanskje tilkoblingene.',
  timeout: 'Sjekk internettilkoblingen.',
  tls: 'En proxy eller et antivirusprogram undersøker kanskje sikre tilkoblinger; sjekk innstillingene der.',
  proxy_refused: 'Sjekk proxyinnstillingene (HTTPS_PROXY), eller spør IT-avdelingen.',
  bad_port: 'Sjekk GatewayAPI-adressen under Innstillinger.',
  no_answer: 'GatewayAPI er kanskje tregt; du trenger ikke gjøre noe.',
  cut_short: 'Sjekk nettverket.',
  other: 'Sjekk internettilkoblingen.',
};

const STATUS: Record<string, [string, string]> = {
  PENDING: ['Venter på rapport', 'Sendt til GatewayAPI; leveringsrapporten har ikke kommet ennå.'],
  UNKNOWN: ['Ukjent', 'GatewayAPI vet ennå ikke hva som har skjedd med meldingen.'],
  SCHEDULED: ['Planlagt', 'GatewayAPI holder meldingen til det planlagte tidspunktet.'],
  BUFFERED: ['I buffer', 'Operatøren holder meldingen, f.eks. mens telefonen er avslått.'],
  ENROUTE: ['På vei', 'Overlevert til mobiloperatøren; ikke bekreftet ennå.'],
  DELIVERED: ['Levert', 'Telefonen har mottatt meldingen. Belastes.'],
  EXPIRED: ['Utløpt', 'Telefonen kunne ikke nås (avslått eller uten dekning) før meldingen utløp. Belastes som regel.'],
  DELETED: ['Slettet', 'Meldingen ble kansellert før den ble sendt. Belastes ikke.'],
  UNDELIVERABLE: ['Kan ikke leveres', 'Operatøren kunne ikke levere den (f.eks. fordi nummeret ikke er i bruk). Belastes som regel.'],
  ACCEPTED: ['Mottatt av operatør', 'Operatøren tok imot meldingen, men gir ingen leveringsrapport. Belastes.'],
  REJECTED: ['Avvist', 'GatewayAPI eller operatøren avviste meldingen. Belastes ikke.'],
  SKIPPED: ['Hoppet over', 'GatewayAPI sendte den ikke (f.eks. et sperret nummer). Belastes ikke.'],
  NO_FINAL_REPORT: [
    'Ingen endelig rapport',
    'Meldingen utløp uten endelig rapport; den kan ha kommet fram eller ikke. Belastes som regel.',
  ],
};

const PAUSE = {
  auth: 'GatewayAPI avviste nøkkelen',
  credit: 'saldoen er brukt opp',
  frozen: 'kontoen er sperret',
  user: 'du har satt den på pause',
  account: 'GatewayAPI avviste kontoen',
  unreachable: 'GatewayAPI svarer ikke',
  disk_full: 'disken er full',
} as const;

const retry = (s: number | null, f: Tools) => (s == null ? '' : s <= 0 ? ', prøver igjen nå' : `, neste forsøk om ${f.n(s)} s`);

export const nb: AppCatalog = {
  gw_token_refused: (m) => `GatewayAPI avviste nøkkelen${label(m)}. Skriv inn en ny API-nøkkel under Innstillinger.`,
  gw_credit: (m) => `Saldoen på GatewayAPI-kontoen er brukt opp${label(m)}. Fyll på, og gjenoppta deretter.`,
  gw_frozen: (m) => `GatewayAPI melder at kontoen er sperret${label(m)}. Kontakt GatewayAPIs kundestøtte, og gjenoppta deretter.`,
  gw_ip_not_allowed: (m) =>
    `GatewayAPI tar ikke imot forespørsler fra denne datamaskinens IP-adresse${label(m)}. Tillat den i GatewayAPIs innstillinger (API-nøkler / IP-begrensninger), og gjenoppta deretter.`,
  gw_feature_disabled: (m) =>
    `En funksjon som meldingen bruker, er ikke slått på for GatewayAPI-kontoen${label(m)}. Slå den på i GatewayAPIs innstillinger eller spør GatewayAPIs kundestøtte, og gjenoppta deretter.`,
  gw_sms_disabled: (m) =>
    `SMS-utsending er ikke slått på for GatewayAPI-kontoen${label(m)}. Be GatewayAPIs kundestøtte om å slå det på, og gjenoppta deretter.`,
  gw_country: (m, f) =>
    `Kontoen har ikke lov til å sende til ${m.country ? f.country(m.country) : 'dette landet'}${label(m)}. Slå på landet i GatewayAPIs innstillinger for å nå det.`,
  gw_temp_blacklisted: (m, f) => `GatewayAPI har midlertidig sperret ${who(m.numbers, f)}${label(m)}; nytt forsøk gjøres senere.`,
  gw_blacklisted: (m, f) => `GatewayAPI avviste ${who(m.numbers, f)}: nummeret står på GatewayAPIs sperreliste${label(m)}.`,
  gw_operator: (m) => `Nummerets mobiloperatør er ikke tillatt for kontoen${label(m)}.`,
  gw_duplicate: (m, f) => `Det samme nummeret stod to ganger i én forespørsel: ${who(m.numbers, f)}${label(m)}.`,
  gw_content_filtered: (m) => `GatewayAPI filtrerte bort meldingen på grunn av innholdet${label(m)}.`,
  gw_bad_parameter: (m, f) => `GatewayAPI avviste forespørselen som ufullstendig eller ugyldig${label(m)}.${theySaid(m, f)}`,
  gw_overloaded: (m) => `GatewayAPI er overbelastet${label(m)} og behandlet ikke forespørselen; nytt forsøk gjøres senere.`,
  gw_unavailable: (m) => `GatewayAPI er midlertidig utilgjengelig${label(m)} og behandlet ikke forespørselen; nytt forsøk gjøres senere.`,
  gw_proxy_timeout: (m) =>
    `Forespørselen fikk tidsavbrudd på vei til GatewayAPI${label(m)}; den kan ha blitt mottatt eller ikke. Sjekk mottakerne som er merket som usikre, før du sender på nytt.`,
  gw_server_error: (m) =>
    `GatewayAPI svarte med en serverfeil${label(m)} etter å ha mottatt forespørselen; den kan ha blitt mottatt eller ikke. Sjekk mottakerne som er merket som usikre, før du sender på nytt.`,
  gw_rejected_other: (m, f) => `GatewayAPI avviste forespørselen${label(m)}.${theySaid(m, f)}`,
  gw_undocumented: (m, f) =>
    `GatewayAPI-adressen svarte ${answerLabel(m) || 'uten status'}, noe GatewayAPI ikke dokumenterer; svaret kommer kanskje fra en proxy eller brannmur.${m.original ? ` Svaret var: «${f.v(m.original)}»` : ''} Sjekk nettverket og GatewayAPI-innstillingene, og gjenoppta deretter.`,
  gw_redirect: (m, f) =>
    `GatewayAPI-adressen svarte med en omdirigering${m.host ? ` til ${f.v(m.host)}` : ''}, som ikke ble fulgt: ingenting ble sendt dit. Sjekk GatewayAPI-adressen under Innstillinger, eller en proxy eller påloggingsside på dette nettverket, og gjenoppta deretter.`,
  net_failed: (m, f) => {
    const what = m.cause === 'proxy_refused' && m.proxyStatus ? `${NET[m.cause]} (HTTP ${f.v(m.proxyStatus)})` : NET[m.cause];
    const where = m.cause === 'proxy_refused' && m.proxy ? `proxyen ${f.v(m.proxy)}` : m.host ? f.v(m.host) : 'GatewayAPI';
    const sent =
      m.written === 'no'
        ? ' Ingenting ble sendt.'
        : ' Forespørselen kan ha blitt mottatt eller ikke: sjekk mottakerne som er merket som usikre, før du sender på nytt.';
    return `Får ikke kontakt med ${where}: ${what}.${sent} ${NET_FIX[m.cause]}`;
  },
  net_timeout: (m, f) =>
    `GatewayAPI svarte ikke innen ${f.n(m.seconds)} s.${m.written === 'maybe' ? ' Forespørselen kan ha blitt mottatt eller ikke: sjekk mottakerne som er merket som usikre, før du sender på nytt.' : ''}`,
  gw_local_rejection: (m, f) =>
    m.reason === 'too_many_recipients' ? 'For mange mottakere i én forespørsel.' : `Forespørselen ble ikke sendt: ${f.v(m.detail)}`,
  gw_token_unusable: (m) =>
    ({
      missing: 'Ingen GatewayAPI-nøkkel er angitt. Skriv inn en API-nøkkel under Innstillinger.',
      unreadable: 'GatewayAPI-nøkkelen kunne ikke leses. Lås opp nøkkelringen eller skriv inn nøkkelen under Innstillinger.',
      malformed:
        'Den lagrede GatewayAPI-nøkkelen inneholder mellomrom eller tegn en nøkkel ikke kan ha. Skriv inn API-nøkkelen på nytt under Innstillinger.',
    })[m.problem],
  gw_unexpected: (m, f) => `Uventet feil i kontakten med GatewayAPI: ${f.v(m.detail)}`,
  gw_unreadable_answer: (m) =>
    `GatewayAPI svarte HTTP ${m.status}, men ${
      (
        {
          ids: 'uten gyldige meldings-id-er',
          status: 'leveringsstatusen kunne ikke leses',
          credit: 'kontoens saldo kunne ikke leses',
          prices: 'prislisten kunne ikke leses',
          cut_off: 'svaret ble avbrutt',
          too_large: 'svaret var for stort til å leses',
        } as const
      )[m.what]
    }.${m.post ? ' Meldingene ble sannsynligvis mottatt, men id-ene deres er ukjente: sjekk de usikre meldingene før du sender på nytt.' : ' Prøver igjen senere.'}`,

  reason_gave_up: (m, f) =>
    `GatewayAPI var utilgjengelig i mer enn ${f.duration(m.minutes ?? (m.hours ?? 0) * 60)}; utsendingen ble gitt opp.${m.cause ? ` (${f.t(m.cause)})` : ''} Bruk «Send på nytt til mislykkede» for å prøve igjen.`,
  reason_uncertain: (m, f) =>
    `Det er ukjent om GatewayAPI tok imot denne meldingen: velg «Send på nytt» eller «Merk som sendt».${m.cause ? ` ${f.t(m.cause)}` : ''}`,
  reason_internal: (m, f) => `Uventet feil under utsendingen: ${f.v(m.detail)}`,
  reason_cancelled: () => 'Kansellert før den ble sendt.',
  reason_app_stopped: () => 'Appen stoppet mens meldingen ble sendt: den kan ha nådd GatewayAPI eller ikke.',
  reason_suppressed: () => 'Nummeret står på sperrelisten.',
  reason_legacy: (m, f) => f.v(m.text),
  delivery_report: (m) => `${STATUS[m.status]?.[1] ?? ''}${m.gwCode ? ` (${m.gwCode})` : ''}`.trim(),

  phone_missing: () => 'Ikke noe telefonnummer i denne raden',
  phone_excel_scientific: (m, f) =>
    `Excel har gjort om nummeret til standardform (${f.v(m.text)}), og sifrene er tapt. Formater kolonnen som Tekst i Excel, skriv inn numrene på nytt, og importer igjen.`,
  phone_not_a_number: () => 'Ikke et telefonnummer',
  phone_unknown_country_code: () => 'Ukjent landskode',
  phone_invalid: (m, f) => {
    const cc = m.callingCode ? f.v(m.callingCode) : null;
    const where = m.country ? ` for ${f.country(m.country)}${cc ? ` (+${cc})` : ''}` : cc ? ` for +${cc}-numre` : '';
    const what = {
      invalid: 'Ikke et gyldig nummer',
      too_short: 'For få sifre',
      too_long: 'For mange sifre',
      wrong_length: 'Feil antall sifre',
      no_such_number: 'Nummeret finnes ikke',
    }[m.problem];
    return what + where;
  },

  file_too_large: (m, f) =>
    `${m.fileName ? f.v(m.fileName) : 'Filen'} er ${f.n(m.mb)} MB; filer på opptil ${f.n(m.maxMb)} MB kan importeres. Del den opp i mindre filer, og importer dem én om gangen.`,
  file_too_many_columns: (m, f) =>
    `Rad ${f.v(m.rowNo)} har ${f.n(m.columns)} kolonner; en fil kan ha høyst ${f.n(m.max)}. Sjekk at du har valgt en CSV-fil med kontakter, eller fjern de ekstra kolonnene og importer på nytt.`,
  file_cell_too_large: (m, f) =>
    `Rad ${f.v(m.rowNo)}, kolonne ${f.n(m.column)} inneholder ${f.n(m.chars)} tegn; en celle kan inneholde høyst ${f.n(m.max)}. Gjør cellen kortere (eller se etter et anførselstegn (") som aldri lukkes), og importer på nytt.`,
  file_row_too_long: (m, f) =>
    `Rad ${f.v(m.rowNo)} er lengre enn ${f.n(m.mb)} MB, langt mer enn en kontakt trenger. Sjekk raden (et anførselstegn (") som aldri lukkes, gjør resten av filen til én celle), og importer på nytt.`,
  file_unclosed_quote: (m, f) =>
    `Rad ${f.v(m.rowNo)} åpner et anførselstegn (") som aldri lukkes, så alt etter det ville blitt lest som én celle. Rett anførselstegnet i rad ${f.v(m.rowNo)}, og importer på nytt.`,
  file_workbook: () =>
    'Dette er en regnearkfil (Excel/Numbers/LibreOffice), ikke en CSV-fil. Åpne den, velg «Lagre som» → «CSV» (CSV UTF-8 hvis mulig), og importer den filen.',
  file_binary: () => 'Filen er ikke en tekstfil (CSV): den inneholder binære data. Eksporter kontaktene som CSV, og importer den filen.',
  file_empty: () => 'Filen er tom: det er ingen rader å importere.',
  file_no_numbers: (m, f) => `${f.v(m.fileName)} inneholder ingen telefonnumre.`,
  file_header_only: (m, f) => `Filen har en overskriftsrad (${f.v(m.headers.join(', '))}), men ingen kontakter under den.`,
  file_bad_column: (m, f) => `Filen har ${f.n(m.columns)} kolonner; kolonne ${f.n(m.column)} finnes ikke.`,
  file_no_phone_column: (m, f) =>
    `Ingen kolonne i filen ser ut som telefonnumre (kolonner: ${f.v(m.headers.join(', '))}). Velg kolonnen med telefonnumre selv, eller sjekk at du har valgt riktig fil.`,
  file_bad_country: (m, f) => `«${f.v(m.country)}» er ikke en landskode appen kjenner (bruk f.eks. NO, SE, DK).`,
  row_duplicate: (m, f) => `Samme nummer som rad ${f.v(m.earlierRow)} (+${f.v(m.msisdn)}); bare rad ${f.v(m.earlierRow)} beholdes`,
  row_suppressed: (m, f) => `+${f.v(m.msisdn)} står på sperrelisten (har reservert seg)`,
  row_missing_merge: (m, f) =>
    `${f.list(m.columns.map((c) => `«${f.v(c)}»`))} er tomt, men brukes i meldingen (${m.columns.map((c) => f.v(`%${c}%`)).join(', ')})`,
  row_too_long: (m, f) =>
    `Meldingen til denne raden blir ${f.n(m.parts)} SMS-deler${m.ucs2Chars ? ` (sendes som UCS-2, 70 tegn per del, på grunn av ${f.v(m.ucs2Chars.join(' '))})` : ''}; grensen er ${f.n(m.maxParts)}`,
  schedule_quiet: (m, f) =>
    `Det planlagte tidspunktet er innenfor stille timer (${f.v(m.start)}–${f.v(m.end)}) for ${f.list(m.countries.map((c) => (c ? f.country(c) : 'mottakere uten kjent land')))}: GatewayAPI sender likevel på det planlagte tidspunktet. Velg et annet tidspunkt, eller send nå.`,
  test_number_missing: () => 'Legg først inn ditt eget testnummer under Innstillinger: testmeldinger sendes bare dit.',
  test_too_long: (m, f) =>
    `Meldingen blir ${f.n(m.parts)} SMS-deler; grensen under Innstillinger er ${f.n(m.maxParts)}, som for en kampanje.`,
  test_number_suppressed: (m, f) => `Testnummeret ditt ${f.v(m.msisdn)} står på sperrelisten: ingenting sendes dit.`,
  token_not_accepted: (m, f) => `GatewayAPI godtok ikke denne nøkkelen; ingenting ble lagret.${m.problem ? ` ${f.v(m.problem)}` : ''}`,
  not_confirmed: (m) =>
    m.what === 'send'
      ? 'Ikke sendt: utsendingen ble ikke bekreftet i dialogboksen til SMS Outbox.'
      : 'Ikke utført: det ble ikke bekreftet i dialogboksen til SMS Outbox.',
  imports_busy: (m, f) =>
    `SMS Outbox leser eller sjekker allerede en fil, og ${f.n(m.waiting)} til venter på tur. Prøv igjen når de er ferdige.`,
  disk_space_back: () => 'Det er plass på disken igjen: utsendingen er gjenopptatt.',
  schedule_too_soon: (m, f) =>
    `Velg et tidspunkt minst ${f.plural(m.minMinutes, { one: 'ett minutt', other: `${f.n(m.minMinutes)} minutter` })} fram i tid, eller send nå.`,
  no_sendable_recipients: () => 'Ingen mottakere i denne filen kan sendes til.',
  demo_no_token: () => 'Demomodus bruker den innebygde simulatoren; bytt til ekte utsending for å skrive inn en nøkkel.',
  check_recipients_first: () => 'Sjekk mottakerne først.',
  check_file_first: () => 'Sjekk filen først.',
  campaign_not_found: (m, f) => `Det finnes ingen kampanje ${f.v(m.campaignId)}.`,
  no_token: () => 'Ingen GatewayAPI-nøkkel er lagt inn. Skriv inn en under Innstillinger.',
  test_number_invalid: (m, f) => `Testnummer: ${f.t(m.problem)}.`,
  preview_row_missing: (m, f) => `Filen har ingen rad ${f.v(m.rowNo)}.`,
  preview_nothing: () => 'Ingen mottakere kan sendes til, så det er ingenting å forhåndsvise.',
  template_name_missing: () => 'Gi den lagrede meldingen et navn.',
  template_text_missing: () => 'Skriv meldingen først.',
  template_name_taken: (m, f) => `Det finnes allerede en lagret melding med navnet «${f.v(m.name)}»: velg et annet navn.`,
  template_gone: () => 'Den lagrede meldingen finnes ikke lenger.',
  import_gone: () => 'Den importen er ikke åpen lenger: velg filen på nytt.',
  import_cancelled: () => 'Importen ble avbrutt.',
  input_invalid: (m, f) => {
    const known: Record<string, string> = {
      sender: 'Avsender: opptil 11 bokstaver/sifre, eller opptil 15 sifre.',
      token: 'Nøkkelen ser for kort ut.',
      defaultCountry: 'Bruk en landskode på to bokstaver, f.eks. NO.',
      name: 'Gi kampanjen et navn.',
      message: 'Skriv en melding.',
      msisdn: 'Skriv inn et telefonnummer.',
    };
    return (m.field && known[m.field]) ?? (m.field ? `Sjekk denne verdien: ${f.v(m.field)}.` : 'Sjekk verdiene du har skrevet inn.');
  },
  crash_disk_full: () => 'Disken med datamappen er full. Frigjør plass; ingenting lagret går tapt.',
  crash_read_only: () => 'Det kan ikke skrives i datamappen (den er skrivebeskyttet). Ingenting lagret går tapt.',
  crash_unexpected: (m, f) => sentence(`Uventet feil: ${f.v(m.detail || 'ukjent')}`),
  keychain_problem: (m, f) => {
    const detail = m.detail ? `: ${f.v(m.detail)}` : '';
    return {
      timeout: 'Systemets nøkkelring svarte ikke i tide; den venter kanskje på at du låser den opp.',
      no_libsecret:
        'libsecret er ikke installert, så systemets nøkkelring kan ikke brukes (installer libsecret-1-0 eller distribusjonens libsecret-pakke).',
      keytar_missing: `Nøkkelringmodulen (keytar) kunne ikke lastes inn${detail}.`,
      no_dbus:
        'Fant ingen D-Bus-sesjonsbuss med en Secret Service (som GNOME Keyring eller KWallet), så systemets nøkkelring kan ikke nås.',
      no_keyring:
        'Systemets nøkkelring har ingen opplåst standardnøkkelring ("login"). Opprett eller lås den opp i nøkkelringbehandleren (f.eks. Seahorse).',
      locked: 'Systemets nøkkelring er låst. Lås den opp (f.eks. i Seahorse) og oppgi nøkkelen på nytt.',
      other: `Systemets nøkkelring feilet${detail}.`,
    }[m.kind];
  },
  internal_error: () => 'Noe gikk galt. Prøv igjen; start appen på nytt hvis det fortsetter.',
  folder_in_use: () => 'En annen sms-outbox sender fra denne datamappen. Lukk den, og prøv igjen.',
  folder_mode_conflict: (m, f) =>
    m.holds === 'demo'
      ? `${f.v(m.dir)} inneholder demokampanjer: ekte utsending derfra kan sende demomeldinger til ekte numre. Bruk en annen datamappe, eller demomodus.`
      : `${f.v(m.dir)} inneholder ekte kampanjer: en demokjøring der ville gi køen deres til simulatoren. Bruk en annen datamappe til demoen.`,
  base_url_invalid: (m, f) =>
    ({
      empty: 'GatewayAPI-adressen er tom. Skriv inn en adresse som https://gatewayapi.com.',
      not_url: `GatewayAPI-adressen er ikke en gyldig adresse: «${f.v(m.got)}». Bruk en adresse som https://gatewayapi.com.`,
      not_https: `GatewayAPI-adressen må begynne med https:// (fikk ${f.v(m.got)}).`,
      http_remote: 'GatewayAPI-adressen må bruke https:// (vanlig http bare for denne datamaskinen), så nøkkelen aldri sendes ukryptert.',
      credentials: 'GatewayAPI-adressen kan ikke inneholde brukernavn eller passord; nøkkelen skrives inn for seg.',
      query: 'GatewayAPI-adressen kan ikke inneholde en spørring (?…) eller et fragment (#…).',
      not_gatewayapi: `GatewayAPI-adressen kan bare peke på denne datamaskinen (en simulator) eller på gatewayapi.com eller gatewayapi.eu, ikke på ${f.v(m.got)}: nøkkelen sendes dit adressen peker. Bruk kommandolinjen med --base-url for å prøve en annen server.`,
    })[m.problem],

  confirm_send: (m, f) => {
    const cost = m.cost != null ? `, ca. ${f.money(m.cost, m.currency)}` : '';
    const parts = f.plural(m.parts, { one: `${f.n(m.parts)} SMS-del`, other: `${f.n(m.parts)} SMS-deler` });
    const who = f.plural(m.recipients, { one: `${f.n(m.recipients)} mottaker`, other: `${f.n(m.recipients)} mottakere` });
    const over = m.overCredit != null ? ` Anslaget er høyere enn saldoen din på ${f.money(m.overCredit, m.currency)}.` : '';
    const quiet = m.quiet
      ? ` Det planlagte tidspunktet er innenfor stille timer (${f.v(m.quiet.start)}–${f.v(m.quiet.end)}) for ${f.list(m.quiet.countries.map((c) => (c ? f.country(c) : 'mottakere uten kjent land')))}: GatewayAPI sender likevel på det planlagte tidspunktet. Velg et annet tidspunkt, eller send nå.`
      : '';
    return `Sende denne meldingen til ${who} (${parts}${cost})?${over}${quiet}`;
  },

  pause_reason: (m) => PAUSE[m.reason],
  paused: (m, f) => `Utsendingen er satt på pause: ${m.cause ? f.t(m.cause) : `${PAUSE[m.reason]}.`}`,
  resumed_gateway_answers: () => 'GatewayAPI svarer igjen: utsendingen er gjenopptatt.',
  disk_full: () =>
    'Disken med datamappen er full. Ingenting mer sendes før det er plass igjen; svar GatewayAPI allerede har gitt, holdes i minnet og skrives så snart det er plass. Frigjør litt plass: utsendingen fortsetter av seg selv.',
  resumed_disk_space: () => 'Det er plass på disken igjen: utsendingen er gjenopptatt.',
  folder_read_only: (m, f) =>
    `Datamappen ${f.v(m.folder)} er skrivebeskyttet: utboksen kan leses, men ingenting kan sendes eller endres herfra. Gjør mappen skrivbar, eller velg en annen.`,
  credit_topped_up: (m, f) => `Saldoen er fylt på (${f.money(m.credit, m.currency)}): utsendingen er gjenopptatt.`,
  credit_low: (m, f) =>
    `GatewayAPI-saldoen er lav: ${f.money(m.credit, m.currency)} (varsel under ${f.money(m.threshold, m.currency)}). Fyll på GatewayAPI-kontoen din.`,
  credit_unreadable: (m, f) => `Kunne ikke lese saldoen på kontoen.${m.cause ? ` ${f.t(m.cause)}` : ''}`,
  uncertain_recipients: (m, f) =>
    `${f.plural(m.count, { one: `${f.n(m.count)} mottaker er usikker`, other: `${f.n(m.count)} mottakere er usikre` })}: GatewayAPI kan ha tatt imot dem eller ikke. Åpne kampanjen for å sende på nytt eller merke dem som sendt.`,
  uncertain_after_stop: (m, f) =>
    `${f.plural(m.count, { one: `${f.n(m.count)} mottaker`, other: `${f.n(m.count)} mottakere` })} var i ferd med å bli sendt da appen stoppet, og er merket som usikre. Åpne kampanjen for å sende på nytt eller merke dem som sendt.`,
  campaign_finished: (m, f) => {
    const extra = [
      m.uncertain ? `${f.n(m.uncertain)} usikre (du må ta stilling)` : '',
      m.markedSent ? `${f.n(m.markedSent)} merket som sendt` : '',
    ].filter(Boolean);
    return `Kampanjen «${f.v(m.name)}» er ferdig: ${f.n(m.delivered)} levert, ${f.n(m.notDelivered)} ikke levert${extra.map((x) => `, ${x}`).join('')}.`;
  },
  gave_up_resend: (m, f) => `Gitt opp etter ${f.duration(m.minutes)}; bruk «Send på nytt til mislykkede» for å prøve igjen.`,
  campaign_half_stored: (m, f) =>
    `Kampanjen ${f.v(`«${m.name}»`)} (${f.dateTime(m.createdAt)}) ble ikke lagret helt: appen stoppet etter ${f.plural(m.stored, { one: `${f.n(m.stored)} mottaker`, other: `${f.n(m.stored)} mottakere` })}. Den vises ikke, og ingenting av den blir sendt. Forkast den, og opprett den på nytt fra filen.`,
  discard_half_stored: (m, f) => `Forkast ${f.v(`«${m.name}»`)}`,
  half_stored_discarded: (m, f) => `Den uferdige kampanjen ${f.v(`«${m.name}»`)} er forkastet.`,

  status_name: (m) => STATUS[m.status]?.[0] ?? m.status,
  status_explain: (m) => STATUS[m.status]?.[1] ?? '',
  reject_kind: (m) =>
    ({
      invalid_number: 'Ugyldig nummer',
      missing_number: 'Ikke noe nummer',
      duplicate: 'Duplikat',
      suppressed: 'På sperrelisten',
      missing_merge_value: 'Flettefelt tomt',
      too_long: 'Meldingen er for lang',
    })[m.kind],

  state_name: (m) =>
    ({
      queued: 'I kø',
      claimed: 'Sender',
      in_flight: 'Sender',
      retry_wait: 'Venter på nytt forsøk',
      submitted: 'Sendt',
      scheduled: 'Planlagt',
      failed: 'Mislyktes',
      uncertain: 'Usikker',
      marked_sent: 'Merket som sendt',
      cancelled: 'Kansellert',
    })[m.state],
  campaign_status: (m) =>
    ({
      active: 'Aktiv',
      paused: 'På pause',
      cancelled: 'Kansellert',
      done: 'Ferdig',
      reporting: 'Venter på rapporter',
      scheduled: 'Planlagt',
    })[m.status],
  export_column: (m) =>
    ({
      row: 'Rad',
      msisdn: 'Telefonnummer',
      name: 'Navn',
      state: 'Tilstand',
      status: 'Leveringsstatus',
      status_meaning: 'Hva statusen betyr',
      status_time: 'Statustidspunkt',
      error_code: 'Feilkode',
      error: 'Årsak',
      gatewayapi_text: 'GatewayAPIs tekst',
      parts: 'SMS-deler',
      reason: 'Årsak',
    })[m.column],

  outbox_offline: (m, f) => `Frakoblet — ${f.n(m.queued)} i kø${retry(m.retryInSec, f)}.${m.cause ? ` ${f.t(m.cause)}` : ''}`,
  outbox_busy: (m, f) => `GatewayAPI er opptatt — ${f.n(m.queued)} i kø${retry(m.retryInSec, f)}.${m.cause ? ` ${f.t(m.cause)}` : ''}`,
  outbox_sending: (m, f) => `Sender — ${f.n(m.queued)} i kø.`,
  outbox_paused: (m, f) => `På pause (${PAUSE[m.reason]}) — ${f.n(m.queued)} i kø.${m.cause ? ` ${f.t(m.cause)}` : ''}`,
  outbox_quiet: (m, f) => `Stille timer — ${f.n(m.queued)} i kø til ${f.clock(m.until)}.`,
  outbox_held_elsewhere: () => 'En annen sms-outbox sender fra denne datamappen.',
  outbox_idle: () => 'Klar.',

  about_title: () => 'Om SMS Outbox',
  about_detail: (m, f) => `Datamappe: ${f.v(m.dataDir)}\nLoggfil: ${f.v(m.logFile)}`,
  menu: (m) =>
    ({
      file: 'Fil',
      edit: 'Rediger',
      view: 'Vis',
      window: 'Vindu',
      help: 'Hjelp',
      about: 'Om SMS Outbox',
      quit: 'Avslutt',
      undo: 'Angre',
      redo: 'Gjør om',
      cut: 'Klipp ut',
      copy: 'Kopier',
      paste: 'Lim inn',
      selectAll: 'Merk alt',
      minimize: 'Minimer',
      zoom: 'Zoom',
      close: 'Lukk',
      hide: 'Skjul SMS Outbox',
      hideOthers: 'Skjul andre',
      unhide: 'Vis alle',
      reload: 'Last inn på nytt',
      forceReload: 'Tving ny innlasting',
      toggleDevTools: 'Utviklerverktøy',
      ok: 'OK',
      openDataFolder: 'Åpne datamappen',
      openLogFile: 'Åpne loggfilen',
    })[m.item],
  start_failed: () => 'SMS Outbox kunne ikke starte',
  crash_box: (m, f) => `${f.t(m.problem)}\n\nDetaljene står i loggfilen: ${f.v(m.logFile)}`,
  start_refused_title: () => 'SMS Outbox kan ikke starte',
  start_refused: (m, f) =>
    `SMS Outbox starter ikke med ${f.v(m.found.join(', '))}: de ville la et annet program lese API-nøkkelen eller slå av kontrollene av at appen snakker med det ekte GatewayAPI. Start den uten dem; systemets proxyinnstillinger brukes som de er.`,
  notification_title: () => 'SMS Outbox',
  core_stopped: () =>
    'Utboksens bakgrunnsprosess stoppet mens den arbeidet med dette, og startes igjen. Ingenting lagret er tapt: se i utboksen før du prøver igjen.',
  core_gave_up: (m, f) =>
    `Utboksens bakgrunnsprosess stoppet ${f.n(m.restarts + 1)} ganger innen ett minutt, så SMS Outbox lukkes. Ingenting lagret er tapt. Detaljene står i loggfilen: ${f.v(m.logFile)}`,

  confirm_title: (m, f) => CONFIRM_WORDS.nb.title(m.request, f),
  confirm_detail: (m, f) => CONFIRM_WORDS.nb.detail(m.request, f),
  confirm_yes: (m) => CONFIRM_WORDS.nb.yes(m.request),
  confirm_no: () => CONFIRM_WORDS.nb.no,
};
