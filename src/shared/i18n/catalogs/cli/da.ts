// Kommandolinjens egne ord på dansk (ordliste som i ../da.ts). Tilvalgenes navne (--csv) står som de skrives.
import type { Tools } from '../../catalog';
import type { CliHelpTopic, CliTarget } from '../../cliMessages';
import { sentence, type CliCatalog } from './types';

const target = (t: CliTarget, f: Tools) => (t === null ? 'den indbyggede simulator (demo)' : f.v(t));
const recipients = (n: number, f: Tools) => f.plural(n, { one: `${f.n(n)} modtager`, other: `${f.n(n)} modtagere` });
const ids = (list: number[], f: Tools) => list.map((id) => f.v(id)).join(', ');
const quoted = (list: string[], f: Tools) => list.map((c) => `"${f.v(c)}"`).join(', ');
const PLACEHOLDER = { FILE: 'FIL', TEXT: 'TEKST', NAME: 'NAVN', N: 'N' } as const;

const PAUSE = {
  auth: 'Afsendelsen er sat på pause: nøglen blev afvist',
  credit: 'Afsendelsen er sat på pause: saldoen er brugt op',
  frozen: 'Afsendelsen er sat på pause: kontoen er spærret',
  account: 'Afsendelsen er sat på pause: GatewayAPI afviste kontoen',
  unreachable: 'Afsendelsen er sat på pause: GatewayAPI svarer ikke',
  disk_full: 'Afsendelsen er sat på pause: disken er fuld',
  user: 'Du har sat afsendelsen på pause',
} as const;

const HELP: Record<CliHelpTopic, (timeout: string) => string> = {
  main: () => `Brug: sms-outbox <kommando> [tilvalg]

Kommandoer:
  send     Indlæs en CSV-fil, gem den som en kampagne og send den (kun den kampagne)
  resume   Send alt, der stadig står i kø, i alle kampagner (f.eks. efter et nedbrud eller en pause)
  status   Vis hver modtagers tilstand og leveringsstatus
  import   Kontroller en CSV-fil og vis dårlige rækker uden at sætte noget i kø
  resolve  Tag stilling til "usikre" modtagere: send dem igen, eller markér dem som sendt

Kør "sms-outbox <kommando> --help" for en kommandos tilvalg; --lang da|sv|nb|en vælger sproget.
Datamappen er appens egen, medmindre --data-dir eller SMS_OUTBOX_DATA_DIR siger andet;
--demo bruger den indbyggede GatewayAPI-simulator og dens egen datamappe.
GatewayAPI-nøglen hentes fra GATEWAYAPI_TOKEN, ellers fra nøgleringen, hvor appen gemte den.

Afslutningskoder: 0 færdig; 1 alt andet (f.eks. stoppet med arbejde tilbage); 2 ubrugelige data eller
argumenter (intet gemt); 3 afsendelsen er sat på pause (nøglen afvist eller mangler, saldoen brugt op);
4 nogle modtagere fejlede eller er usikre (leveringsrapporter som UNDELIVERABLE tæller ikke); 5 en
anden proces sender fra datamappen; 6 disken med datamappen er fuld (frigør plads, og genoptag så).`,
  send: (timeout) => `Brug: sms-outbox send --csv FIL --message TEKST --sender NAVN [tilvalg]

Sender kun denne fils kampagne: modtagere i andre kampagner, der stadig står i kø i datamappen,
bliver i køen (opsummeringen siger hvor mange); "sms-outbox resume" sender dem.

  --csv FIL             kontakter (CSV; telefonkolonnen findes ud fra overskrift eller indhold)
  --message TEKST       SMS-teksten; %Kolonne% indsætter kolonnens værdi for hver modtager
  --sender NAVN         op til 11 bogstaver/cifre eller op til 15 cifre
  --name KAMPAGNE       kampagnens navn (standard: filens navn)
  --country LL          land for numre skrevet uden +landekode (standard: appens indstilling)
  --phone-column NAVN   kolonnen med numrene (overskrift eller nummer fra 1)
  --base-url URL        GatewayAPI-adresse for denne kørsel (standard: appens indstilling)
  --batch-size N        modtagere pr. forespørgsel i denne kørsel, 1-10000 (standard: appens indstilling)
  --wait                vent på leveringsrapporter efter afsendelsen
  --timeout SEK         længste ventetid på leveringsrapporter med --wait (standard ${timeout})
  --data-dir MAPPE      datamappe (standard: appens)
  --demo                send til den indbyggede simulator i demo-datamappen
  --yes, -y             spørg ikke om bekræftelse
  --again               send en fil, der allerede er sendt som kampagne, én gang til (ellers afvist)`,
  resolve: () => `Brug: sms-outbox resolve --campaign N (--resend | --mark-sent) [--data-dir MAPPE] [--demo]

"Usikre" modtagere var ved at blive sendt, da en forespørgsel fejlede på en måde, der ikke viser, om
GatewayAPI tog imod den (en timeout, en afbrudt forbindelse, 500/502/504, et nedbrud). Intet sender dem
igen af sig selv.
  --resend              sæt dem i kø igen (den, der allerede fik SMS'en, får den to gange); kør så "sms-outbox resume"
  --mark-sent           registrér dem som sendt (den, der ikke fik den, får den aldrig)
  --campaign N          kampagnen (se "sms-outbox status")`,
  resume: (timeout) => `Brug: sms-outbox resume [tilvalg]

Overtager afsendelsen for datamappen: arbejde, som en stoppet proces havde taget, kommer tilbage i
køen, forespørgsler, der var undervejs, bliver "usikre" (se "sms-outbox resolve"), og alt i kø sendes.

  --now                 vent ikke forsinkelser ud (f.eks. en 429, der beder om op til en times ventetid):
                        prøv alle ventende portioner med det samme (usikre modtagere forbliver usikre)
  --base-url URL        GatewayAPI-adresse for denne kørsel (standard: appens indstilling)
  --batch-size N        modtagere pr. forespørgsel i denne kørsel, 1-10000
  --wait                vent på leveringsrapporter efter afsendelsen
  --timeout SEK         længste ventetid på leveringsrapporter med --wait (standard ${timeout})
  --data-dir MAPPE      datamappe (standard: appens)
  --demo                demo-datamappen og den indbyggede simulator`,
  status: () => `Brug: sms-outbox status [--json] [--campaign N] [--data-dir MAPPE] [--demo]

  --json                ét JSON-objekt pr. modtager og linje:
                        {"campaign","msisdn","state","status","error","code","gatewayapi"}
  --campaign N          kun kampagne N`,
  import: () => `Brug: sms-outbox import FIL [--country LL] [--phone-column NAVN] [--message TEKST] [--json]

Kontrollerer FIL, som "send" ville gøre, og viser godkendte og afviste rækker. Gemmer intet.`,
};

const BASE_URL = {
  empty: () => '--base-url er tom. Angiv en adresse som https://gatewayapi.com.',
  not_url: (got: string) => `--base-url er ikke en gyldig adresse: “${got}”. Brug en adresse som https://gatewayapi.com.`,
  not_https: (got: string) => `--base-url skal begynde med https:// (fik ${got}).`,
  http_remote: () =>
    '--base-url skal bruge https:// (almindelig http er kun tilladt til denne computer: 127.0.0.1 eller localhost), så API-nøglen aldrig sendes ukrypteret.',
  credentials: () => '--base-url må ikke indeholde brugernavn eller adgangskode; API-nøglen angives for sig.',
  query: () => '--base-url må ikke indeholde en forespørgsel (?…) eller et fragment (#…).',
  not_gatewayapi: (got: string) => `--base-url kan ikke pege på ${got}.`,
};

export const cliDa: CliCatalog = {
  cli_help: (m, f) => HELP[m.topic](f.n(m.defaultTimeoutSec)),
  cli_command_not_first: (m, f) =>
    `Skriv kommandoen først, f.eks. "sms-outbox send ${f.v(m.arg)} …" (kommandoer: ${f.v(m.commands.join(', '))}).`,
  cli_unknown_command: (m, f) => `Ukendt kommando "${f.v(m.arg)}" (kommandoer: ${f.v(m.commands.join(', '))}).`,
  cli_unknown_option: (m, f) => `Ukendt tilvalg '${f.v(m.option)}' (se --help).`,
  cli_option_needs_value: (m, f) => `Tilvalget '${f.v(m.option)}' mangler en værdi.`,
  cli_option_ambiguous: (m, f) =>
    `Værdien efter '${f.v(m.option)}' begynder med '-' og læses derfor som et tilvalg. Skriv en værdi, der begynder med '-', som --tilvalg=værdi.`,
  cli_option_takes_no_value: (m, f) => `Tilvalget '${f.v(m.option)}' tager ingen værdi.`,
  cli_unexpected_argument: (m, f) =>
    `Uventet argument '${f.v(m.arg)}': kommandoen tager kun tilvalg (har du glemt et tilvalgs navn eller anførselstegn om en værdi?).`,
  cli_bad_arguments: (m, f) => `Argumenterne kan ikke læses: ${f.v(m.detail)}`,
  cli_missing_option: (m, f) => `${f.v(m.option)} ${PLACEHOLDER[m.placeholder]} mangler.`,
  cli_option_empty: (m, f) => `${f.v(m.option)} er tom.`,
  cli_message_empty: () => '--message er tom: skriv SMS-teksten.',
  cli_message_too_long: (m, f) => `--message er ${f.n(m.length)} tegn; højst ${f.n(m.max)}.`,
  cli_sender_invalid: (m, f) =>
    `--sender "${f.v(m.sender)}" kan ikke bruges: op til 11 bogstaver/cifre (A-Z, 0-9, mellemrum . _ & -) eller op til 15 cifre.`,
  cli_name_invalid: (m, f) => `--name skal være ${f.n(m.min)} til ${f.n(m.max)} tegn.`,
  cli_choose_resolve_action: () => 'Vælg én: --resend eller --mark-sent.',
  cli_import_no_file: () => 'Angiv CSV-filen: sms-outbox import FIL.',
  cli_import_many_files: (m, f) => `Én fil ad gangen (fik ${f.n(m.files.length)}: ${f.v(m.files.join(', '))}).`,
  cli_demo_with_base_url: () => '--demo sender altid til den indbyggede simulator: udelad --base-url eller --demo.',
  cli_base_url_invalid: (m, f) => BASE_URL[m.problem](f.v(m.got)),
  cli_whole_number: (m, f) => `${f.v(m.option)} skal være et helt tal fra ${f.v(m.min)} til ${f.v(m.max)} (fik "${f.v(m.got)}").`,
  cli_country_format: (m, f) => `--country skal være en landekode på to bogstaver som DK (fik "${f.v(m.got)}").`,
  cli_country_unknown: (m, f) =>
    `--country ${f.v(m.country)} er ikke et land, hvis telefonnumre kan læses; brug en ISO-kode som DK, SE, NO eller DE.`,
  cli_demo_live_folder: (m, f) =>
    `--demo kan ikke bruge den rigtige datamappe (${f.v(m.dir)}); udelad --data-dir for at bruge demo-mappen.`,
  cli_live_demo_folder: (m, f) => `${f.v(m.dir)} er demo-datamappen; tilføj --demo, eller vælg en anden --data-dir til rigtig afsendelse.`,
  cli_cannot_read: (m, f) =>
    `Kan ikke læse ${f.v(m.path)}: ${{ missing: 'filen findes ikke', folder: 'det er en mappe', denied: 'adgang nægtet', other: f.v(m.detail) }[m.why]}.`,
  cli_no_phone_column: (m, f) =>
    `Ingen kolonne i ${f.v(m.fileName)} ligner telefonnumre (kolonner: ${m.hasHeader ? quoted(m.columns, f) : f.v(m.columns.join(', '))}); angiv den med --phone-column.`,
  cli_phone_column_range: (m, f) => `--phone-column ${f.v(m.option)}: ${f.v(m.fileName)} har ${f.n(m.count)} kolonner.`,
  cli_phone_column_unknown: (m, f) =>
    `--phone-column "${f.v(m.option)}": ${f.v(m.fileName)} har ingen sådan kolonne (kolonner: ${quoted(m.columns, f)}).`,
  cli_phone_column_no_header: (m, f) =>
    `--phone-column "${f.v(m.option)}": ${f.v(m.fileName)} har ingen overskriftsrække; angiv kolonnens nummer (1-${f.v(m.count)}).`,
  cli_unknown_fields: (m, f) =>
    `--message bruger ${f.v(m.tags.join(', '))}, men ${f.v(m.fileName)} har ingen sådan kolonne (kolonner: ${f.v(m.columns.join(', '))}). Ret flettefeltet eller filen.`,

  cli_import_summary: (m, f) =>
    `${f.v(m.fileName)}: ${f.plural(m.rows, { one: `${f.n(m.rows)} række`, other: `${f.n(m.rows)} rækker` })}, ${recipients(m.accepted, f)} godkendt, ${f.n(m.rejected)} afvist.`,
  cli_report_row: (m, f) => `række ${f.v(m.rowNo)}: ${f.t(m.problem)}`,
  cli_and_more: (m, f) => `… og ${f.n(m.count)} mere`,
  cli_wrong_country: (m, f) =>
    `De fleste numre er ikke gyldige for ${f.v(m.country)}: er de fra et andet land, så tilføj --country (f.eks. --country DE).`,
  cli_merge_fields: (m, f) => `Flettefelter: ${f.v(m.tags.join(', '))}`,
  cli_parts_total: (m, f) =>
    `${f.plural(m.parts, { one: `${f.n(m.parts)} SMS-del`, other: `${f.n(m.parts)} SMS-dele` })} i alt${m.ucs2 > 0 ? ` (${f.n(m.ucs2)} som UCS-2 på grund af tegn uden for GSM)` : ''}.`,
  cli_phone_column_used: (m, f) => `Telefonnumre fra kolonnen "${f.v(m.column)}".`,
  cli_json_lists_rejected: () => '(--json viser alle afviste rækker.)',

  cli_paused_by_user: () =>
    'Afsendelsen er sat på pause i appen ("Sat på pause af dig"); kør "sms-outbox resume" eller genoptag i appen, og send så igen.',
  cli_nothing_sendable: (m, f) => `Ingen modtager i ${f.v(m.fileName)} kan sendes til; intet blev gemt.`,
  cli_already_sent: (m, f) =>
    `${f.v(m.fileName)} er allerede sendt som kampagne ${f.v(m.campaignId)} "${f.v(m.name)}" (${f.dateTime(m.at)}); sendes den igen, sendes hver besked igen. Brug "sms-outbox resume" til at gøre den kampagne færdig, eller tilføj --again for at sende den én gang til. Intet blev gemt.`,
  cli_confirm_send: (m, f) =>
    `Send til ${recipients(m.recipients, f)} (${f.plural(m.parts, { one: `${f.n(m.parts)} SMS-del`, other: `${f.n(m.parts)} SMS-dele` })}) via ${target(m.target, f)}?`,
  cli_confirm_hint: () => '[j/N]',
  cli_yes_words: () => 'j ja',
  cli_not_asked: (m, f) =>
    `${cliDa.cli_confirm_send({ ...m, code: 'cli_confirm_send' }, f)} Ikke spurgt: der er ingen terminal at svare i. Tilføj --yes for at sende uden at spørge.`,
  cli_not_sent: () => 'Ikke sendt: intet blev gemt.',
  cli_sending: (m, f) =>
    `Sender kampagne ${f.v(m.campaignId)} "${f.v(m.name)}": ${recipients(m.queued, f)} via ${target(m.target, f)}, datamappe ${f.v(m.dataDir)}`,
  cli_others_queued: (m, f) =>
    `Ikke sendt af denne kommando: ${recipients(m.count, f)} i ${f.plural(m.campaigns.length, { one: 'kampagne', other: 'kampagnerne' })} ${ids(m.campaigns, f)} står stadig i kø i denne datamappe; "sms-outbox resume" sender dem.`,
  cli_nothing_to_send: (m, f) => `Intet at sende i ${f.v(m.dataDir)}.`,
  cli_uncertain_decide: (m, f) =>
    `${f.plural(m.count, { one: `${f.n(m.count)} modtager er usikker`, other: `${f.n(m.count)} modtagere er usikre` })}: tag stilling med "sms-outbox resolve --campaign N --resend" eller "--mark-sent".`,
  cli_retry_now: (m, f) =>
    f.plural(m.batches, {
      one: `${f.n(m.batches)} portion, der venter på et nyt forsøg, prøves nu (--now).`,
      other: `${f.n(m.batches)} portioner, der venter på et nyt forsøg, prøves nu (--now).`,
    }),
  cli_resuming: (m, f) =>
    `Genoptager ${f.plural(m.campaigns.length, { one: 'kampagne', other: 'kampagnerne' })} ${ids(m.campaigns, f)} via ${target(m.target, f)}, datamappe ${f.v(m.dataDir)}`,
  cli_held_elsewhere: (m, f) =>
    `En anden SMS Outbox-proces (pid ${f.v(m.pid ?? '?')} på ${f.v(m.host ?? '?')}) sender fra ${f.v(m.dataDir)}. Lad den gøre det færdigt (eller luk den), og prøv så igen; intet blev gemt.`,
  cli_disk_full_at_start: (m, f) =>
    `Disken med ${f.v(m.dataDir)} er fuld: intet kan sendes. Frigør plads, og prøv så igen; intet gemt går tabt.`,
  cli_lease_busy: (m, f) => `Kunne ikke overtage afsendelsen for ${f.v(m.dataDir)} (databasen er optaget); prøv igen.`,
  cli_no_token: (m, f) =>
    `Ingen GatewayAPI-nøgle: sæt GATEWAYAPI_TOKEN, eller gem nøglen under appens Indstillinger.${m.problem ? ` (${f.t(m.problem)})` : ''}`,
  cli_base_url_setting: (m, f) => `${f.t(m.problem)} (${f.v(m.dataDir)}; Indstillinger / --base-url)`,
  cli_stopped_by_ctrl_c: () => 'Stoppet med Ctrl-C.',
  cli_stopping: () =>
    'Stopper: forespørgsler, der er undervejs, gøres færdige først (Ctrl-C igen for at afslutte straks; de bliver "usikre").',
  cli_stop_deadline: (m, f) => `Stopper stadig efter ${f.n(m.seconds)} s; afslutter nu (forespørgsler, der er undervejs, bliver "usikre").`,

  cli_progress_sending: (m, f) =>
    `${f.n(m.done)} af ${recipients(m.total, f)} afsendt i ${f.plural(m.batches, { one: `${f.n(m.batches)} portion`, other: `${f.n(m.batches)} portioner` })}`,
  cli_progress_waiting: (m, f) => `${f.n(m.delivered)} leveret, ${f.n(m.notDelivered)} ikke leveret, ${f.n(m.awaiting)} venter på rapport`,
  cli_count_failed: (m, f) => `${f.n(m.count)} fejlet`,
  cli_count_uncertain: (m, f) => `${f.n(m.count)} usikre`,
  cli_quiet_held: (m, f) => `stille timer: holdes tilbage til ${f.dateTime(m.until)}`,
  cli_summary_campaign: (m, f) => `Kampagne ${f.v(m.campaignId)} "${f.v(m.name)}": ${recipients(m.total, f)}`,
  cli_summary_states: (m, f) =>
    [
      `${f.n(m.submitted)} afsendt`,
      m.markedSent ? `${f.n(m.markedSent)} markeret som sendt` : '',
      m.failed ? `${f.n(m.failed)} fejlet` : '',
      m.uncertain ? `${f.n(m.uncertain)} usikre` : '',
      m.cancelled ? `${f.n(m.cancelled)} annulleret` : '',
      m.unsent ? `${f.n(m.unsent)} ikke sendt endnu` : '',
    ]
      .filter(Boolean)
      .join(' · '),
  cli_summary_delivery: (m, f) =>
    `levering: ${f.n(m.delivered)} leveret · ${f.n(m.notDelivered)} ikke leveret · ${f.n(m.awaiting)} venter på rapport`,
  cli_summary_cost: (m, f) => `pris: ${f.money(m.cost, m.currency)}`,

  cli_advice_busy: () => 'En anden SMS Outbox-proces har overtaget afsendelsen for denne datamappe; den sender resten.',
  cli_advice_disk_full: (m, f) =>
    `Disken med datamappen er fuld: afsendelsen er sat på pause med ${recipients(m.unsent, f)}, der ikke er sendt endnu; intet gemt går tabt. Frigør plads, og kør så "sms-outbox resume".`,
  cli_advice_paused: (m, f) =>
    m.reason === 'auth'
      ? `${sentence(m.pause ? f.t(m.pause) : PAUSE.auth)} Fra kommandolinjen: sæt GATEWAYAPI_TOKEN til en gyldig API-nøgle (eller gem en i appen), og kør så "sms-outbox resume".`
      : `${sentence(m.pause ? f.t(m.pause) : PAUSE[m.reason])} Ret årsagen, og kør så "sms-outbox resume".`,
  cli_advice_campaign_paused: () =>
    'Kampagnen er sat på pause i appen: genoptag den dér (eller annullér den), og kør så "sms-outbox resume".',
  cli_advice_incomplete: (m, f) => {
    const what = [
      m.failed ? `${f.n(m.failed)} fejlede (se årsagerne med "sms-outbox status")` : '',
      m.uncertain
        ? `${f.n(m.uncertain)} usikre: GatewayAPI har måske taget imod dem, måske ikke; tag stilling med "sms-outbox resolve --campaign N --resend" eller "--mark-sent" (eller i appen)`
        : '',
    ].filter(Boolean);
    return `Ikke alle modtagere blev sendt: ${what.join('; ')}.`;
  },
  cli_advice_unsent: (m, f) => `${recipients(m.unsent, f)} er ikke sendt endnu: kør "sms-outbox resume" for at fortsætte.`,
  cli_advice_unreported: (m, f) =>
    `Holdt op med at vente med ${f.n(m.count)} leveringsrapporter udestående: "sms-outbox status" viser dem senere.`,

  cli_no_outbox_yet: (m, f) => `Ingen udbakke i ${f.v(m.dataDir)} endnu.`,
  cli_no_outbox: (m, f) => `Der er ingen udbakke i ${f.v(m.dataDir)}.`,
  cli_data_folder: (m, f) => `Datamappe: ${f.v(m.dataDir)}`,
  cli_no_campaigns: () => 'Ingen kampagner i denne datamappe endnu.',
  cli_no_campaign: (m, f) => `Der er ingen kampagne ${f.v(m.campaignId)} i denne datamappe.`,
  cli_status_campaign: (m, f) =>
    `#${f.v(m.campaignId)} ${f.v(m.name)} — ${f.t({ code: 'campaign_status', status: m.status })}, ${recipients(m.total, f)}, oprettet ${f.dateTime(m.createdAt)}`,
  cli_status_uncertain: (m, f) =>
    `${f.n(m.count)} usikre: "sms-outbox resolve --campaign ${f.v(m.campaignId)} --resend" eller "--mark-sent" (eller i appen).`,
  cli_resolve_none: (m, f) => `Kampagne ${f.v(m.campaignId)} har ingen usikre modtagere.`,
  cli_resolve_resent: (m, f) =>
    `${f.plural(m.count, { one: `${f.n(m.count)} usikker modtager`, other: `${f.n(m.count)} usikre modtagere` })} i kampagne ${f.v(m.campaignId)} står i kø igen: kør "sms-outbox resume${m.demo ? ' --demo' : ''}" for at sende ${f.plural(m.count, { one: 'den', other: 'dem' })}.`,
  cli_resolve_marked: (m, f) =>
    `${f.plural(m.count, { one: `${f.n(m.count)} usikker modtager`, other: `${f.n(m.count)} usikre modtagere` })} i kampagne ${f.v(m.campaignId)} er markeret som sendt.`,

  cli_disk_full: (m, f) =>
    `Disken med datamappen er fuld (${f.v(m.detail)}). Frigør plads, og prøv så igen ("sms-outbox resume" gør en afsendelse færdig); intet, der allerede er gemt, går tabt.`,
  cli_read_only: (m, f) =>
    `Der kan ikke skrives i datamappen: den er skrivebeskyttet (${f.v(m.detail)}). Afsendelse kræver en mappe, der kan skrives i.`,
  cli_database_failed: (m, f) =>
    `Udbakkens database fejlede: ${f.v(m.detail)}${m.busy ? ' (en anden proces skriver i datamappen; prøv igen)' : ''}`,
  cli_unexpected: (m, f) => (m.detail ? `Uventet fejl: ${f.v(m.detail)}` : 'Uventet fejl (kør med SMS_OUTBOX_DEBUG=1 for detaljer).'),
  cli_log_error: (m, f) => `fejl: ${f.v(m.detail)}`,
};
