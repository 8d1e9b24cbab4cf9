// Kommandolinjens egne ord på norsk bokmål (ordliste som i ../nb.ts). Valgenes navn (--csv) skrives som de er.
import type { Tools } from '../../catalog';
import type { CliHelpTopic, CliTarget } from '../../cliMessages';
import { sentence, type CliCatalog } from './types';

const target = (t: CliTarget, f: Tools) => (t === null ? 'den innebygde simulatoren (demo)' : f.v(t));
const recipients = (n: number, f: Tools) => f.plural(n, { one: `${f.n(n)} mottaker`, other: `${f.n(n)} mottakere` });
const ids = (list: number[], f: Tools) => list.map((id) => f.v(id)).join(', ');
const quoted = (list: string[], f: Tools) => list.map((c) => `"${f.v(c)}"`).join(', ');
const PLACEHOLDER = { FILE: 'FIL', TEXT: 'TEKST', NAME: 'NAVN', N: 'N' } as const;

const PAUSE = {
  auth: 'Utsendingen er satt på pause: nøkkelen ble avvist',
  credit: 'Utsendingen er satt på pause: saldoen er brukt opp',
  frozen: 'Utsendingen er satt på pause: kontoen er sperret',
  account: 'Utsendingen er satt på pause: GatewayAPI avviste kontoen',
  unreachable: 'Utsendingen er satt på pause: GatewayAPI svarer ikke',
  disk_full: 'Utsendingen er satt på pause: disken er full',
  user: 'Du har satt utsendingen på pause',
} as const;

const HELP: Record<CliHelpTopic, (timeout: string) => string> = {
  main: () => `Bruk: sms-outbox <kommando> [valg]

Kommandoer:
  send     Les inn en CSV-fil, lagre den som en kampanje og send den (bare den kampanjen)
  resume   Send alt som fortsatt står i kø, i alle kampanjer (f.eks. etter et krasj eller en pause)
  status   Vis hver mottakers tilstand og leveringsstatus
  import   Sjekk en CSV-fil og vis dårlige rader uten å legge noe i kø
  resolve  Ta stilling til "usikre" mottakere: send dem på nytt, eller merk dem som sendt

Kjør "sms-outbox <kommando> --help" for en kommandos valg; --lang da|sv|nb|en velger språk.
Datamappen er appens egen med mindre --data-dir eller SMS_OUTBOX_DATA_DIR sier noe annet;
--demo bruker den innebygde GatewayAPI-simulatoren og dens egen datamappe.
GatewayAPI-nøkkelen hentes fra GATEWAYAPI_TOKEN, ellers fra nøkkelringen der appen lagret den.

Avslutningskoder: 0 ferdig; 1 alt annet (f.eks. stoppet med arbeid igjen); 2 ubrukelige data eller
argumenter (ingenting lagret); 3 utsendingen er satt på pause (nøkkelen avvist eller mangler, saldoen
brukt opp); 4 noen mottakere mislyktes eller er usikre (leveringsrapporter som UNDELIVERABLE teller
ikke); 5 en annen prosess sender fra datamappen; 6 disken med datamappen er full (frigjør plass og
gjenoppta så).`,
  send: (timeout) => `Bruk: sms-outbox send --csv FIL --message TEKST --sender NAVN [valg]

Sender bare denne filens kampanje: mottakere i andre kampanjer som står i kø i datamappen, blir
i køen (oppsummeringen sier hvor mange); "sms-outbox resume" sender dem.

  --csv FIL             kontakter (CSV; telefonkolonnen finnes ut fra overskrift eller innhold)
  --message TEKST       SMS-teksten; %Kolonne% setter inn kolonnens verdi for hver mottaker
  --sender NAVN         opptil 11 bokstaver/sifre eller opptil 15 sifre
  --name KAMPANJE       kampanjens navn (standard: filens navn)
  --country LL          land for numre skrevet uten +landskode (standard: appens innstilling)
  --phone-column NAVN   kolonnen med numrene (overskrift eller nummer fra 1)
  --base-url URL        GatewayAPI-adresse for denne kjøringen (standard: appens innstilling)
  --batch-size N        mottakere per forespørsel i denne kjøringen, 1-10000 (standard: appens innstilling)
  --wait                vent på leveringsrapporter etter utsendingen
  --timeout SEK         lengste ventetid på leveringsrapporter med --wait (standard ${timeout})
  --data-dir MAPPE      datamappe (standard: appens)
  --demo                send til den innebygde simulatoren, i demo-datamappen
  --yes, -y             ikke spør om bekreftelse
  --again               send en fil som allerede er sendt som kampanje, én gang til (ellers avvist)`,
  resolve: () => `Bruk: sms-outbox resolve --campaign N (--resend | --mark-sent) [--data-dir MAPPE] [--demo]

"Usikre" mottakere var i ferd med å bli sendt da en forespørsel mislyktes på en måte som ikke viser
om GatewayAPI tok imot den (et tidsavbrudd, en brutt forbindelse, 500/502/504, et krasj). Ingenting
sender dem på nytt av seg selv.
  --resend              legg dem i kø igjen (den som allerede fikk SMS-en, får den to ganger); kjør så "sms-outbox resume"
  --mark-sent           registrer dem som sendt (den som ikke fikk den, får den aldri)
  --campaign N          kampanjen (se "sms-outbox status")`,
  resume: (timeout) => `Bruk: sms-outbox resume [valg]

Overtar utsendingen for datamappen: arbeid som en stoppet prosess hadde tatt, går tilbake i køen,
forespørsler som var underveis, blir "usikre" (se "sms-outbox resolve"), og alt i kø sendes.

  --now                 ikke vent ut forsinkelser (f.eks. en 429 som ber om opptil en times venting):
                        prøv alle ventende bunker med en gang (usikre mottakere forblir usikre)
  --base-url URL        GatewayAPI-adresse for denne kjøringen (standard: appens innstilling)
  --batch-size N        mottakere per forespørsel i denne kjøringen, 1-10000
  --wait                vent på leveringsrapporter etter utsendingen
  --timeout SEK         lengste ventetid på leveringsrapporter med --wait (standard ${timeout})
  --data-dir MAPPE      datamappe (standard: appens)
  --demo                demo-datamappen og den innebygde simulatoren`,
  status: () => `Bruk: sms-outbox status [--json] [--campaign N] [--data-dir MAPPE] [--demo]

  --json                ett JSON-objekt per mottaker og linje:
                        {"campaign","msisdn","state","status","error","code","gatewayapi"}
  --campaign N          bare kampanje N`,
  import: () => `Bruk: sms-outbox import FIL [--country LL] [--phone-column NAVN] [--message TEKST] [--json]

Sjekker FIL slik "send" ville gjort, og viser godkjente og avviste rader. Lagrer ingenting.`,
};

const BASE_URL = {
  empty: () => '--base-url er tom. Oppgi en adresse som https://gatewayapi.com.',
  not_url: (got: string) => `--base-url er ikke en gyldig adresse: «${got}». Bruk en adresse som https://gatewayapi.com.`,
  not_https: (got: string) => `--base-url må begynne med https:// (fikk ${got}).`,
  http_remote: () =>
    '--base-url må bruke https:// (vanlig http er bare tillatt til denne datamaskinen: 127.0.0.1 eller localhost), så API-nøkkelen aldri sendes ukryptert.',
  credentials: () => '--base-url kan ikke inneholde brukernavn eller passord; API-nøkkelen oppgis for seg.',
  query: () => '--base-url kan ikke inneholde en spørring (?…) eller et fragment (#…).',
  not_gatewayapi: (got: string) => `--base-url kan ikke peke på ${got}.`,
};

export const cliNb: CliCatalog = {
  cli_help: (m, f) => HELP[m.topic](f.n(m.defaultTimeoutSec)),
  cli_command_not_first: (m, f) =>
    `Skriv kommandoen først, f.eks. "sms-outbox send ${f.v(m.arg)} …" (kommandoer: ${f.v(m.commands.join(', '))}).`,
  cli_unknown_command: (m, f) => `Ukjent kommando "${f.v(m.arg)}" (kommandoer: ${f.v(m.commands.join(', '))}).`,
  cli_unknown_option: (m, f) => `Ukjent valg '${f.v(m.option)}' (se --help).`,
  cli_option_needs_value: (m, f) => `Valget '${f.v(m.option)}' mangler en verdi.`,
  cli_option_ambiguous: (m, f) =>
    `Verdien etter '${f.v(m.option)}' begynner med '-' og leses derfor som et valg. Skriv en verdi som begynner med '-', som --valg=verdi.`,
  cli_option_takes_no_value: (m, f) => `Valget '${f.v(m.option)}' tar ingen verdi.`,
  cli_unexpected_argument: (m, f) =>
    `Uventet argument '${f.v(m.arg)}': kommandoen tar bare valg (glemte du navnet på et valg eller anførselstegn rundt en verdi?).`,
  cli_bad_arguments: (m, f) => `Argumentene kan ikke leses: ${f.v(m.detail)}`,
  cli_missing_option: (m, f) => `${f.v(m.option)} ${PLACEHOLDER[m.placeholder]} mangler.`,
  cli_option_empty: (m, f) => `${f.v(m.option)} er tom.`,
  cli_message_empty: () => '--message er tom: skriv SMS-teksten.',
  cli_message_too_long: (m, f) => `--message er ${f.n(m.length)} tegn; høyst ${f.n(m.max)}.`,
  cli_sender_invalid: (m, f) =>
    `--sender "${f.v(m.sender)}" kan ikke brukes: opptil 11 bokstaver/sifre (A-Z, 0-9, mellomrom . _ & -) eller opptil 15 sifre.`,
  cli_name_invalid: (m, f) => `--name må være ${f.n(m.min)} til ${f.n(m.max)} tegn.`,
  cli_choose_resolve_action: () => 'Velg én: --resend eller --mark-sent.',
  cli_import_no_file: () => 'Oppgi CSV-filen: sms-outbox import FIL.',
  cli_import_many_files: (m, f) => `Én fil om gangen (fikk ${f.n(m.files.length)}: ${f.v(m.files.join(', '))}).`,
  cli_demo_with_base_url: () => '--demo sender alltid til den innebygde simulatoren: fjern --base-url eller --demo.',
  cli_base_url_invalid: (m, f) => BASE_URL[m.problem](f.v(m.got)),
  cli_whole_number: (m, f) => `${f.v(m.option)} må være et heltall fra ${f.v(m.min)} til ${f.v(m.max)} (fikk "${f.v(m.got)}").`,
  cli_country_format: (m, f) => `--country må være en landskode på to bokstaver, som DK (fikk "${f.v(m.got)}").`,
  cli_country_unknown: (m, f) =>
    `--country ${f.v(m.country)} er ikke et land der telefonnumrene kan leses; bruk en ISO-kode som DK, SE, NO eller DE.`,
  cli_demo_live_folder: (m, f) => `--demo kan ikke bruke den ekte datamappen (${f.v(m.dir)}); utelat --data-dir for å bruke demo-mappen.`,
  cli_live_demo_folder: (m, f) => `${f.v(m.dir)} er demo-datamappen; legg til --demo, eller velg en annen --data-dir for ekte utsending.`,
  cli_cannot_read: (m, f) =>
    `Kan ikke lese ${f.v(m.path)}: ${{ missing: 'filen finnes ikke', folder: 'det er en mappe', denied: 'ingen tilgang', other: f.v(m.detail) }[m.why]}.`,
  cli_no_phone_column: (m, f) =>
    `Ingen kolonne i ${f.v(m.fileName)} ser ut som telefonnumre (kolonner: ${m.hasHeader ? quoted(m.columns, f) : f.v(m.columns.join(', '))}); oppgi den med --phone-column.`,
  cli_phone_column_range: (m, f) => `--phone-column ${f.v(m.option)}: ${f.v(m.fileName)} har ${f.n(m.count)} kolonner.`,
  cli_phone_column_unknown: (m, f) =>
    `--phone-column "${f.v(m.option)}": ${f.v(m.fileName)} har ingen slik kolonne (kolonner: ${quoted(m.columns, f)}).`,
  cli_phone_column_no_header: (m, f) =>
    `--phone-column "${f.v(m.option)}": ${f.v(m.fileName)} har ingen overskriftsrad; oppgi kolonnens nummer (1-${f.v(m.count)}).`,
  cli_unknown_fields: (m, f) =>
    `--message bruker ${f.v(m.tags.join(', '))}, men ${f.v(m.fileName)} har ingen slik kolonne (kolonner: ${f.v(m.columns.join(', '))}). Rett flettefeltet eller filen.`,

  cli_import_summary: (m, f) =>
    `${f.v(m.fileName)}: ${f.plural(m.rows, { one: `${f.n(m.rows)} rad`, other: `${f.n(m.rows)} rader` })}, ${recipients(m.accepted, f)} godkjent, ${f.n(m.rejected)} avvist.`,
  cli_report_row: (m, f) => `rad ${f.v(m.rowNo)}: ${f.t(m.problem)}`,
  cli_and_more: (m, f) => `… og ${f.n(m.count)} til`,
  cli_wrong_country: (m, f) =>
    `De fleste numrene er ikke gyldige for ${f.v(m.country)}: er de fra et annet land, legg til --country (f.eks. --country DE).`,
  cli_merge_fields: (m, f) => `Flettefelt: ${f.v(m.tags.join(', '))}`,
  cli_parts_total: (m, f) =>
    `${f.plural(m.parts, { one: `${f.n(m.parts)} SMS-del`, other: `${f.n(m.parts)} SMS-deler` })} i alt${m.ucs2 > 0 ? ` (${f.n(m.ucs2)} som UCS-2 på grunn av tegn utenfor GSM)` : ''}.`,
  cli_phone_column_used: (m, f) => `Telefonnumre fra kolonnen "${f.v(m.column)}".`,
  cli_json_lists_rejected: () => '(--json viser alle avviste rader.)',

  cli_paused_by_user: () =>
    'Utsendingen er satt på pause i appen ("Satt på pause av deg"); kjør "sms-outbox resume" eller gjenoppta i appen, og send så på nytt.',
  cli_nothing_sendable: (m, f) => `Ingen mottaker i ${f.v(m.fileName)} kan få melding; ingenting ble lagret.`,
  cli_already_sent: (m, f) =>
    `${f.v(m.fileName)} er allerede sendt som kampanje ${f.v(m.campaignId)} "${f.v(m.name)}" (${f.dateTime(m.at)}); sendes den igjen, sendes hver melding på nytt. Bruk "sms-outbox resume" for å fullføre den kampanjen, eller legg til --again for å sende den én gang til. Ingenting ble lagret.`,
  cli_confirm_send: (m, f) =>
    `Sende til ${recipients(m.recipients, f)} (${f.plural(m.parts, { one: `${f.n(m.parts)} SMS-del`, other: `${f.n(m.parts)} SMS-deler` })}) via ${target(m.target, f)}?`,
  cli_confirm_hint: () => '[j/N]',
  cli_yes_words: () => 'j ja',
  cli_not_asked: (m, f) =>
    `${cliNb.cli_confirm_send({ ...m, code: 'cli_confirm_send' }, f)} Ikke spurt: det er ingen terminal å svare i. Legg til --yes for å sende uten å spørre.`,
  cli_not_sent: () => 'Ikke sendt: ingenting ble lagret.',
  cli_sending: (m, f) =>
    `Sender kampanje ${f.v(m.campaignId)} "${f.v(m.name)}": ${recipients(m.queued, f)} via ${target(m.target, f)}, datamappe ${f.v(m.dataDir)}`,
  cli_others_queued: (m, f) =>
    `Ikke sendt av denne kommandoen: ${recipients(m.count, f)} i ${f.plural(m.campaigns.length, { one: 'kampanje', other: 'kampanjene' })} ${ids(m.campaigns, f)} står fortsatt i kø i denne datamappen; "sms-outbox resume" sender dem.`,
  cli_nothing_to_send: (m, f) => `Ingenting å sende i ${f.v(m.dataDir)}.`,
  cli_uncertain_decide: (m, f) =>
    `${f.plural(m.count, { one: `${f.n(m.count)} mottaker er usikker`, other: `${f.n(m.count)} mottakere er usikre` })}: ta stilling med "sms-outbox resolve --campaign N --resend" eller "--mark-sent".`,
  cli_retry_now: (m, f) =>
    f.plural(m.batches, {
      one: `${f.n(m.batches)} bunke som venter på et nytt forsøk, prøves nå (--now).`,
      other: `${f.n(m.batches)} bunker som venter på et nytt forsøk, prøves nå (--now).`,
    }),
  cli_resuming: (m, f) =>
    `Gjenopptar ${f.plural(m.campaigns.length, { one: 'kampanje', other: 'kampanjene' })} ${ids(m.campaigns, f)} via ${target(m.target, f)}, datamappe ${f.v(m.dataDir)}`,
  cli_held_elsewhere: (m, f) =>
    `En annen SMS Outbox-prosess (pid ${f.v(m.pid ?? '?')} på ${f.v(m.host ?? '?')}) sender fra ${f.v(m.dataDir)}. La den bli ferdig (eller lukk den), og prøv så igjen; ingenting ble lagret.`,
  cli_disk_full_at_start: (m, f) =>
    `Disken med ${f.v(m.dataDir)} er full: ingenting kan sendes. Frigjør plass og prøv så igjen; ingenting lagret går tapt.`,
  cli_lease_busy: (m, f) => `Kunne ikke overta utsendingen for ${f.v(m.dataDir)} (databasen er opptatt); prøv igjen.`,
  cli_no_token: (m, f) =>
    `Ingen GatewayAPI-nøkkel: sett GATEWAYAPI_TOKEN, eller lagre nøkkelen under appens Innstillinger.${m.problem ? ` (${f.t(m.problem)})` : ''}`,
  cli_base_url_setting: (m, f) => `${f.t(m.problem)} (${f.v(m.dataDir)}; Innstillinger / --base-url)`,
  cli_stopped_by_ctrl_c: () => 'Stoppet med Ctrl-C.',
  cli_stopping: () =>
    'Stopper: forespørsler som er underveis, fullføres først (Ctrl-C igjen for å avslutte med en gang; de blir "usikre").',
  cli_stop_deadline: (m, f) => `Stopper fortsatt etter ${f.n(m.seconds)} s; avslutter nå (forespørsler som er underveis, blir "usikre").`,

  cli_progress_sending: (m, f) =>
    `${f.n(m.done)} av ${recipients(m.total, f)} sendt i ${f.plural(m.batches, { one: `${f.n(m.batches)} bunke`, other: `${f.n(m.batches)} bunker` })}`,
  cli_progress_waiting: (m, f) => `${f.n(m.delivered)} levert, ${f.n(m.notDelivered)} ikke levert, ${f.n(m.awaiting)} venter på rapport`,
  cli_count_failed: (m, f) => `${f.n(m.count)} mislyktes`,
  cli_count_uncertain: (m, f) => `${f.n(m.count)} usikre`,
  cli_quiet_held: (m, f) => `stille timer: holdes tilbake til ${f.dateTime(m.until)}`,
  cli_summary_campaign: (m, f) => `Kampanje ${f.v(m.campaignId)} "${f.v(m.name)}": ${recipients(m.total, f)}`,
  cli_summary_states: (m, f) =>
    [
      `${f.n(m.submitted)} sendt`,
      m.markedSent ? `${f.n(m.markedSent)} merket som sendt` : '',
      m.failed ? `${f.n(m.failed)} mislyktes` : '',
      m.uncertain ? `${f.n(m.uncertain)} usikre` : '',
      m.cancelled ? `${f.n(m.cancelled)} kansellert` : '',
      m.unsent ? `${f.n(m.unsent)} ikke sendt ennå` : '',
    ]
      .filter(Boolean)
      .join(' · '),
  cli_summary_delivery: (m, f) =>
    `levering: ${f.n(m.delivered)} levert · ${f.n(m.notDelivered)} ikke levert · ${f.n(m.awaiting)} venter på rapport`,
  cli_summary_cost: (m, f) => `pris: ${f.money(m.cost, m.currency)}`,

  cli_advice_busy: () => 'En annen SMS Outbox-prosess har overtatt utsendingen for denne datamappen; den sender resten.',
  cli_advice_disk_full: (m, f) =>
    `Disken med datamappen er full: utsendingen er satt på pause med ${recipients(m.unsent, f)} som ikke er sendt ennå; ingenting lagret går tapt. Frigjør plass og kjør så "sms-outbox resume".`,
  cli_advice_paused: (m, f) =>
    m.reason === 'auth'
      ? `${sentence(m.pause ? f.t(m.pause) : PAUSE.auth)} Fra kommandolinjen: sett GATEWAYAPI_TOKEN til en gyldig API-nøkkel (eller lagre en i appen), og kjør så "sms-outbox resume".`
      : `${sentence(m.pause ? f.t(m.pause) : PAUSE[m.reason])} Rett årsaken, og kjør så "sms-outbox resume".`,
  cli_advice_campaign_paused: () =>
    'Kampanjen er satt på pause i appen: gjenoppta den der (eller kanseller den), og kjør så "sms-outbox resume".',
  cli_advice_incomplete: (m, f) => {
    const what = [
      m.failed ? `${f.n(m.failed)} mislyktes (se årsakene med "sms-outbox status")` : '',
      m.uncertain
        ? `${f.n(m.uncertain)} usikre: GatewayAPI kan ha tatt imot dem eller ikke; ta stilling med "sms-outbox resolve --campaign N --resend" eller "--mark-sent" (eller i appen)`
        : '',
    ].filter(Boolean);
    return `Ikke alle mottakere ble sendt: ${what.join('; ')}.`;
  },
  cli_advice_unsent: (m, f) => `${recipients(m.unsent, f)} er ikke sendt ennå: kjør "sms-outbox resume" for å fortsette.`,
  cli_advice_unreported: (m, f) =>
    `Sluttet å vente med ${f.n(m.count)} leveringsrapporter utestående: "sms-outbox status" viser dem senere.`,

  cli_no_outbox_yet: (m, f) => `Ingen utboks i ${f.v(m.dataDir)} ennå.`,
  cli_no_outbox: (m, f) => `Det er ingen utboks i ${f.v(m.dataDir)}.`,
  cli_data_folder: (m, f) => `Datamappe: ${f.v(m.dataDir)}`,
  cli_no_campaigns: () => 'Ingen kampanjer i denne datamappen ennå.',
  cli_no_campaign: (m, f) => `Det er ingen kampanje ${f.v(m.campaignId)} i denne datamappen.`,
  cli_status_campaign: (m, f) =>
    `#${f.v(m.campaignId)} ${f.v(m.name)} — ${f.t({ code: 'campaign_status', status: m.status })}, ${recipients(m.total, f)}, opprettet ${f.dateTime(m.createdAt)}`,
  cli_status_uncertain: (m, f) =>
    `${f.n(m.count)} usikre: "sms-outbox resolve --campaign ${f.v(m.campaignId)} --resend" eller "--mark-sent" (eller i appen).`,
  cli_resolve_none: (m, f) => `Kampanje ${f.v(m.campaignId)} har ingen usikre mottakere.`,
  cli_resolve_resent: (m, f) =>
    `${f.plural(m.count, { one: `${f.n(m.count)} usikker mottaker`, other: `${f.n(m.count)} usikre mottakere` })} i kampanje ${f.v(m.campaignId)} står i kø igjen: kjør "sms-outbox resume${m.demo ? ' --demo' : ''}" for å sende ${f.plural(m.count, { one: 'den', other: 'dem' })}.`,
  cli_resolve_marked: (m, f) =>
    `${f.plural(m.count, { one: `${f.n(m.count)} usikker mottaker`, other: `${f.n(m.count)} usikre mottakere` })} i kampanje ${f.v(m.campaignId)} er merket som sendt.`,

  cli_disk_full: (m, f) =>
    `Disken med datamappen er full (${f.v(m.detail)}). Frigjør plass og prøv så igjen ("sms-outbox resume" fullfører en utsending); ingenting som allerede er lagret, går tapt.`,
  cli_read_only: (m, f) =>
    `Det kan ikke skrives i datamappen: den er skrivebeskyttet (${f.v(m.detail)}). Utsending krever en mappe det kan skrives i.`,
  cli_database_failed: (m, f) =>
    `Utboksens database feilet: ${f.v(m.detail)}${m.busy ? ' (en annen prosess skriver i datamappen; prøv igjen)' : ''}`,
  cli_unexpected: (m, f) => (m.detail ? `Uventet feil: ${f.v(m.detail)}` : 'Uventet feil (kjør med SMS_OUTBOX_DEBUG=1 for detaljer).'),
  cli_log_error: (m, f) => `feil: ${f.v(m.detail)}`,
};
