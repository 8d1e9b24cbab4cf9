// Kommandoradens egna ord på svenska (ordlista som i ../sv.ts). Flaggornas namn (--csv) skrivs som de är.
import type { Tools } from '../../catalog';
import type { CliHelpTopic, CliTarget } from '../../cliMessages';
import { sentence, type CliCatalog } from './types';

const target = (t: CliTarget, f: Tools) => (t === null ? 'den inbyggda simulatorn (demo)' : f.v(t));
const recipients = (n: number, f: Tools) => `${f.n(n)} mottagare`;
const ids = (list: number[], f: Tools) => list.map((id) => f.v(id)).join(', ');
const quoted = (list: string[], f: Tools) => list.map((c) => `"${f.v(c)}"`).join(', ');
const PLACEHOLDER = { FILE: 'FIL', TEXT: 'TEXT', NAME: 'NAMN', N: 'N' } as const;

const PAUSE = {
  auth: 'Utskicket är pausat: nyckeln avvisades',
  credit: 'Utskicket är pausat: saldot är slut',
  frozen: 'Utskicket är pausat: kontot är spärrat',
  account: 'Utskicket är pausat: GatewayAPI avvisade kontot',
  unreachable: 'Utskicket är pausat: GatewayAPI svarar inte',
  disk_full: 'Utskicket är pausat: disken är full',
  user: 'Du har pausat utskicket',
} as const;

const HELP: Record<CliHelpTopic, (timeout: string) => string> = {
  main: () => `Användning: sms-outbox <kommando> [flaggor]

Kommandon:
  send     Läs in en CSV-fil, spara den som en kampanj och skicka den (bara den kampanjen)
  resume   Skicka allt som fortfarande står i kö, i alla kampanjer (t.ex. efter en krasch eller en paus)
  status   Visa varje mottagares tillstånd och leveransstatus
  import   Kontrollera en CSV-fil och visa felaktiga rader utan att lägga något i kö
  resolve  Bestäm om "osäkra" mottagare: skicka dem igen eller markera dem som skickade

Kör "sms-outbox <kommando> --help" för ett kommandos flaggor; --lang da|sv|nb|en väljer språk.
Datamappen är appens egen om inte --data-dir eller SMS_OUTBOX_DATA_DIR anger något annat;
--demo använder den inbyggda GatewayAPI-simulatorn och dess egen datamapp.
GatewayAPI-nyckeln hämtas från GATEWAYAPI_TOKEN, annars från nyckelringen där appen sparade den.

Slutkoder: 0 klart; 1 allt annat (t.ex. stoppat med arbete kvar); 2 oanvändbara data eller argument
(inget sparat); 3 utskicket är pausat (nyckeln avvisad eller saknas, saldot slut); 4 några mottagare
misslyckades eller är osäkra (leveransrapporter som UNDELIVERABLE räknas inte); 5 en annan process
skickar från datamappen; 6 disken med datamappen är full (frigör utrymme och återuppta sedan).`,
  send: (timeout) => `Användning: sms-outbox send --csv FIL --message TEXT --sender NAMN [flaggor]

Skickar bara den här filens kampanj: mottagare i andra kampanjer som står i kö i datamappen
stannar i kön (sammanfattningen säger hur många); "sms-outbox resume" skickar dem.

  --csv FIL             kontakter (CSV; telefonkolumnen hittas via rubrik eller innehåll)
  --message TEXT        SMS-texten; %Kolumn% infogar kolumnens värde för varje mottagare
  --sender NAMN         upp till 11 bokstäver/siffror eller upp till 15 siffror
  --name KAMPANJ        kampanjens namn (standard: filens namn)
  --country LL          land för nummer skrivna utan +landsnummer (standard: appens inställning)
  --phone-column NAMN   kolumnen med numren (rubrik eller nummer från 1)
  --base-url URL        GatewayAPI-adress för den här körningen (standard: appens inställning)
  --batch-size N        mottagare per anrop i den här körningen, 1-10000 (standard: appens inställning)
  --wait                vänta på leveransrapporter efter utskicket
  --timeout SEK         längsta väntan på leveransrapporter med --wait (standard ${timeout})
  --data-dir MAPP       datamapp (standard: appens)
  --demo                skicka till den inbyggda simulatorn, i demo-datamappen
  --yes, -y             fråga inte om bekräftelse
  --again               skicka en fil som redan skickats som kampanj en gång till (annars avvisat)`,
  resolve: () => `Användning: sms-outbox resolve --campaign N (--resend | --mark-sent) [--data-dir MAPP] [--demo]

"Osäkra" mottagare höll på att skickas när ett anrop misslyckades på ett sätt som inte visar om
GatewayAPI tog emot det (en timeout, en bruten anslutning, 500/502/504, en krasch). Inget skickar
dem igen av sig självt.
  --resend              lägg dem i kö igen (den som redan fått SMS:et får det två gånger); kör sedan "sms-outbox resume"
  --mark-sent           registrera dem som skickade (den som inte fått det får det aldrig)
  --campaign N          kampanjen (se "sms-outbox status")`,
  resume: (timeout) => `Användning: sms-outbox resume [flaggor]

Tar över utskicket för datamappen: arbete som en stoppad process tagit går tillbaka till kön,
anrop som var på väg blir "osäkra" (se "sms-outbox resolve"), och allt i kö skickas.

  --now                 vänta inte ut fördröjningar (t.ex. en 429 som ber om upp till en timmes väntan):
                        försök alla väntande omgångar direkt (osäkra mottagare förblir osäkra)
  --base-url URL        GatewayAPI-adress för den här körningen (standard: appens inställning)
  --batch-size N        mottagare per anrop i den här körningen, 1-10000
  --wait                vänta på leveransrapporter efter utskicket
  --timeout SEK         längsta väntan på leveransrapporter med --wait (standard ${timeout})
  --data-dir MAPP       datamapp (standard: appens)
  --demo                demo-datamappen och den inbyggda simulatorn`,
  status: () => `Användning: sms-outbox status [--json] [--campaign N] [--data-dir MAPP] [--demo]

  --json                ett JSON-objekt per mottagare och rad:
                        {"campaign","msisdn","state","status","error","code","gatewayapi"}
  --campaign N          bara kampanj N`,
  import: () => `Användning: sms-outbox import FIL [--country LL] [--phone-column NAMN] [--message TEXT] [--json]

Kontrollerar FIL som "send" skulle göra och visar godkända och avvisade rader. Sparar inget.`,
};

const BASE_URL = {
  empty: () => '--base-url är tom. Ange en adress som https://gatewayapi.com.',
  not_url: (got: string) => `--base-url är inte en giltig adress: ”${got}”. Använd en adress som https://gatewayapi.com.`,
  not_https: (got: string) => `--base-url måste börja med https:// (fick ${got}).`,
  http_remote: () =>
    '--base-url måste använda https:// (vanlig http tillåts bara till den här datorn: 127.0.0.1 eller localhost), så att API-nyckeln aldrig skickas okrypterad.',
  credentials: () => '--base-url får inte innehålla användarnamn eller lösenord; API-nyckeln anges separat.',
  query: () => '--base-url får inte innehålla en fråga (?…) eller ett fragment (#…).',
  not_gatewayapi: (got: string) => `--base-url kan inte peka på ${got}.`,
};

export const cliSv: CliCatalog = {
  cli_help: (m, f) => HELP[m.topic](f.n(m.defaultTimeoutSec)),
  cli_command_not_first: (m, f) =>
    `Skriv kommandot först, t.ex. "sms-outbox send ${f.v(m.arg)} …" (kommandon: ${f.v(m.commands.join(', '))}).`,
  cli_unknown_command: (m, f) => `Okänt kommando "${f.v(m.arg)}" (kommandon: ${f.v(m.commands.join(', '))}).`,
  cli_unknown_option: (m, f) => `Okänd flagga '${f.v(m.option)}' (se --help).`,
  cli_option_needs_value: (m, f) => `Flaggan '${f.v(m.option)}' saknar ett värde.`,
  cli_option_ambiguous: (m, f) =>
    `Värdet efter '${f.v(m.option)}' börjar med '-' och läses därför som en flagga. Skriv ett värde som börjar med '-' som --flagga=värde.`,
  cli_option_takes_no_value: (m, f) => `Flaggan '${f.v(m.option)}' tar inget värde.`,
  cli_unexpected_argument: (m, f) =>
    `Oväntat argument '${f.v(m.arg)}': kommandot tar bara flaggor (glömde du en flaggas namn eller citattecken runt ett värde?).`,
  cli_bad_arguments: (m, f) => `Argumenten går inte att läsa: ${f.v(m.detail)}`,
  cli_missing_option: (m, f) => `${f.v(m.option)} ${PLACEHOLDER[m.placeholder]} saknas.`,
  cli_option_empty: (m, f) => `${f.v(m.option)} är tom.`,
  cli_message_empty: () => '--message är tom: skriv SMS-texten.',
  cli_message_too_long: (m, f) => `--message är ${f.n(m.length)} tecken; högst ${f.n(m.max)}.`,
  cli_sender_invalid: (m, f) =>
    `--sender "${f.v(m.sender)}" kan inte användas: upp till 11 bokstäver/siffror (A-Z, 0-9, mellanslag . _ & -) eller upp till 15 siffror.`,
  cli_name_invalid: (m, f) => `--name måste vara ${f.n(m.min)} till ${f.n(m.max)} tecken.`,
  cli_choose_resolve_action: () => 'Välj en: --resend eller --mark-sent.',
  cli_import_no_file: () => 'Ange CSV-filen: sms-outbox import FIL.',
  cli_import_many_files: (m, f) => `En fil i taget (fick ${f.n(m.files.length)}: ${f.v(m.files.join(', '))}).`,
  cli_demo_with_base_url: () => '--demo skickar alltid till den inbyggda simulatorn: ta bort --base-url eller --demo.',
  cli_base_url_invalid: (m, f) => BASE_URL[m.problem](f.v(m.got)),
  cli_whole_number: (m, f) => `${f.v(m.option)} måste vara ett heltal från ${f.v(m.min)} till ${f.v(m.max)} (fick "${f.v(m.got)}").`,
  cli_country_format: (m, f) => `--country måste vara en landskod med två bokstäver, som DK (fick "${f.v(m.got)}").`,
  cli_country_unknown: (m, f) =>
    `--country ${f.v(m.country)} är inte ett land vars telefonnummer kan läsas; använd en ISO-kod som DK, SE, NO eller DE.`,
  cli_demo_live_folder: (m, f) =>
    `--demo kan inte använda den riktiga datamappen (${f.v(m.dir)}); utelämna --data-dir för att använda demo-mappen.`,
  cli_live_demo_folder: (m, f) => `${f.v(m.dir)} är demo-datamappen; lägg till --demo eller välj en annan --data-dir för riktiga utskick.`,
  cli_cannot_read: (m, f) =>
    `Kan inte läsa ${f.v(m.path)}: ${{ missing: 'filen finns inte', folder: 'det är en mapp', denied: 'åtkomst nekad', other: f.v(m.detail) }[m.why]}.`,
  cli_no_phone_column: (m, f) =>
    `Ingen kolumn i ${f.v(m.fileName)} ser ut som telefonnummer (kolumner: ${m.hasHeader ? quoted(m.columns, f) : f.v(m.columns.join(', '))}); ange den med --phone-column.`,
  cli_phone_column_range: (m, f) => `--phone-column ${f.v(m.option)}: ${f.v(m.fileName)} har ${f.n(m.count)} kolumner.`,
  cli_phone_column_unknown: (m, f) =>
    `--phone-column "${f.v(m.option)}": ${f.v(m.fileName)} har ingen sådan kolumn (kolumner: ${quoted(m.columns, f)}).`,
  cli_phone_column_no_header: (m, f) =>
    `--phone-column "${f.v(m.option)}": ${f.v(m.fileName)} har ingen rubrikrad; ange kolumnens nummer (1-${f.v(m.count)}).`,
  cli_unknown_fields: (m, f) =>
    `--message använder ${f.v(m.tags.join(', '))}, men ${f.v(m.fileName)} har ingen sådan kolumn (kolumner: ${f.v(m.columns.join(', '))}). Rätta kopplingsfältet eller filen.`,

  cli_import_summary: (m, f) =>
    `${f.v(m.fileName)}: ${f.plural(m.rows, { one: `${f.n(m.rows)} rad`, other: `${f.n(m.rows)} rader` })}, ${f.plural(m.accepted, { one: `${f.n(m.accepted)} mottagare godkänd`, other: `${f.n(m.accepted)} mottagare godkända` })}, ${f.n(m.rejected)} ${f.plural(m.rejected, { one: 'avvisad', other: 'avvisade' })}.`,
  cli_report_row: (m, f) => `rad ${f.v(m.rowNo)}: ${f.t(m.problem)}`,
  cli_and_more: (m, f) => `… och ${f.n(m.count)} till`,
  cli_wrong_country: (m, f) =>
    `De flesta nummer är inte giltiga för ${f.v(m.country)}: om de kommer från ett annat land, lägg till --country (t.ex. --country DE).`,
  cli_merge_fields: (m, f) => `Kopplingsfält: ${f.v(m.tags.join(', '))}`,
  cli_parts_total: (m, f) =>
    `${f.plural(m.parts, { one: `${f.n(m.parts)} SMS-del`, other: `${f.n(m.parts)} SMS-delar` })} totalt${m.ucs2 > 0 ? ` (${f.n(m.ucs2)} som UCS-2 på grund av tecken utanför GSM)` : ''}.`,
  cli_phone_column_used: (m, f) => `Telefonnummer från kolumnen "${f.v(m.column)}".`,
  cli_json_lists_rejected: () => '(--json visar alla avvisade rader.)',

  cli_paused_by_user: () =>
    'Utskicket är pausat i appen ("Pausat av dig"); kör "sms-outbox resume" eller återuppta i appen, och skicka sedan igen.',
  cli_nothing_sendable: (m, f) => `Ingen mottagare i ${f.v(m.fileName)} kan ta emot något; inget sparades.`,
  cli_already_sent: (m, f) =>
    `${f.v(m.fileName)} har redan skickats som kampanj ${f.v(m.campaignId)} "${f.v(m.name)}" (${f.dateTime(m.at)}); skickas den igen skickas varje meddelande igen. Använd "sms-outbox resume" för att slutföra den kampanjen, eller lägg till --again för att skicka den en gång till. Inget sparades.`,
  cli_confirm_send: (m, f) =>
    `Skicka till ${recipients(m.recipients, f)} (${f.plural(m.parts, { one: `${f.n(m.parts)} SMS-del`, other: `${f.n(m.parts)} SMS-delar` })}) via ${target(m.target, f)}?`,
  cli_confirm_hint: () => '[j/N]',
  cli_yes_words: () => 'j ja',
  cli_not_asked: (m, f) =>
    `${cliSv.cli_confirm_send({ ...m, code: 'cli_confirm_send' }, f)} Inte frågat: det finns ingen terminal att svara i. Lägg till --yes för att skicka utan att fråga.`,
  cli_not_sent: () => 'Inte skickat: inget sparades.',
  cli_sending: (m, f) =>
    `Skickar kampanj ${f.v(m.campaignId)} "${f.v(m.name)}": ${recipients(m.queued, f)} via ${target(m.target, f)}, datamapp ${f.v(m.dataDir)}`,
  cli_others_queued: (m, f) =>
    `Inte skickat av det här kommandot: ${recipients(m.count, f)} i ${f.plural(m.campaigns.length, { one: 'kampanj', other: 'kampanjerna' })} ${ids(m.campaigns, f)} står fortfarande i kö i den här datamappen; "sms-outbox resume" skickar dem.`,
  cli_nothing_to_send: (m, f) => `Inget att skicka i ${f.v(m.dataDir)}.`,
  cli_uncertain_decide: (m, f) =>
    `${f.plural(m.count, { one: `${f.n(m.count)} mottagare är osäker`, other: `${f.n(m.count)} mottagare är osäkra` })}: bestäm med "sms-outbox resolve --campaign N --resend" eller "--mark-sent".`,
  cli_retry_now: (m, f) =>
    f.plural(m.batches, {
      one: `${f.n(m.batches)} omgång som väntar på ett nytt försök försöks nu (--now).`,
      other: `${f.n(m.batches)} omgångar som väntar på ett nytt försök försöks nu (--now).`,
    }),
  cli_resuming: (m, f) =>
    `Återupptar ${f.plural(m.campaigns.length, { one: 'kampanj', other: 'kampanjerna' })} ${ids(m.campaigns, f)} via ${target(m.target, f)}, datamapp ${f.v(m.dataDir)}`,
  cli_held_elsewhere: (m, f) =>
    `En annan SMS Outbox-process (pid ${f.v(m.pid ?? '?')} på ${f.v(m.host ?? '?')}) skickar från ${f.v(m.dataDir)}. Låt den bli klar (eller stäng den) och försök sedan igen; inget sparades.`,
  cli_disk_full_at_start: (m, f) =>
    `Disken med ${f.v(m.dataDir)} är full: inget kan skickas. Frigör utrymme och försök sedan igen; inget sparat går förlorat.`,
  cli_lease_busy: (m, f) => `Kunde inte ta över utskicket för ${f.v(m.dataDir)} (databasen är upptagen); försök igen.`,
  cli_no_token: (m, f) =>
    `Ingen GatewayAPI-nyckel: sätt GATEWAYAPI_TOKEN eller spara nyckeln under appens Inställningar.${m.problem ? ` (${f.t(m.problem)})` : ''}`,
  cli_base_url_setting: (m, f) => `${f.t(m.problem)} (${f.v(m.dataDir)}; Inställningar / --base-url)`,
  cli_stopped_by_ctrl_c: () => 'Stoppat med Ctrl-C.',
  cli_stopping: () => 'Stoppar: anrop som är på väg slutförs först (Ctrl-C igen för att avsluta direkt; de blir "osäkra").',
  cli_stop_deadline: (m, f) => `Stoppar fortfarande efter ${f.n(m.seconds)} s; avslutar nu (anrop som är på väg blir "osäkra").`,

  cli_progress_sending: (m, f) =>
    `${f.n(m.done)} av ${recipients(m.total, f)} skickade i ${f.plural(m.batches, { one: `${f.n(m.batches)} omgång`, other: `${f.n(m.batches)} omgångar` })}`,
  cli_progress_waiting: (m, f) =>
    `${f.n(m.delivered)} levererade, ${f.n(m.notDelivered)} inte levererade, ${f.n(m.awaiting)} väntar på rapport`,
  cli_count_failed: (m, f) => `${f.n(m.count)} misslyckade`,
  cli_count_uncertain: (m, f) => `${f.n(m.count)} osäkra`,
  cli_quiet_held: (m, f) => `tysta timmar: hålls kvar till ${f.dateTime(m.until)}`,
  cli_summary_campaign: (m, f) => `Kampanj ${f.v(m.campaignId)} "${f.v(m.name)}": ${recipients(m.total, f)}`,
  cli_summary_states: (m, f) =>
    [
      `${f.n(m.submitted)} skickade`,
      m.markedSent ? `${f.n(m.markedSent)} markerade som skickade` : '',
      m.failed ? `${f.n(m.failed)} misslyckade` : '',
      m.uncertain ? `${f.n(m.uncertain)} osäkra` : '',
      m.cancelled ? `${f.n(m.cancelled)} avbrutna` : '',
      m.unsent ? `${f.n(m.unsent)} inte skickade än` : '',
    ]
      .filter(Boolean)
      .join(' · '),
  cli_summary_delivery: (m, f) =>
    `leverans: ${f.n(m.delivered)} levererade · ${f.n(m.notDelivered)} inte levererade · ${f.n(m.awaiting)} väntar på rapport`,
  cli_summary_cost: (m, f) => `kostnad: ${f.money(m.cost, m.currency)}`,

  cli_advice_busy: () => 'En annan SMS Outbox-process har tagit över utskicket för den här datamappen; den skickar resten.',
  cli_advice_disk_full: (m, f) =>
    `Disken med datamappen är full: utskicket är pausat med ${recipients(m.unsent, f)} som inte skickats än; inget sparat går förlorat. Frigör utrymme och kör sedan "sms-outbox resume".`,
  cli_advice_paused: (m, f) =>
    m.reason === 'auth'
      ? `${sentence(m.pause ? f.t(m.pause) : PAUSE.auth)} Från kommandoraden: sätt GATEWAYAPI_TOKEN till en giltig API-nyckel (eller spara en i appen) och kör sedan "sms-outbox resume".`
      : `${sentence(m.pause ? f.t(m.pause) : PAUSE[m.reason])} Åtgärda orsaken och kör sedan "sms-outbox resume".`,
  cli_advice_campaign_paused: () => 'Kampanjen är pausad i appen: återuppta den där (eller avbryt den) och kör sedan "sms-outbox resume".',
  cli_advice_incomplete: (m, f) => {
    const what = [
      m.failed ? `${f.n(m.failed)} misslyckades (se orsakerna med "sms-outbox status")` : '',
      m.uncertain
        ? `${f.n(m.uncertain)} osäkra: GatewayAPI kan ha tagit emot dem eller inte; bestäm med "sms-outbox resolve --campaign N --resend" eller "--mark-sent" (eller i appen)`
        : '',
    ].filter(Boolean);
    return `Alla mottagare skickades inte: ${what.join('; ')}.`;
  },
  cli_advice_unsent: (m, f) => `${recipients(m.unsent, f)} har inte skickats än: kör "sms-outbox resume" för att fortsätta.`,
  cli_advice_unreported: (m, f) => `Slutade vänta med ${f.n(m.count)} leveransrapporter kvar: "sms-outbox status" visar dem senare.`,

  cli_no_outbox_yet: (m, f) => `Ingen utkorg i ${f.v(m.dataDir)} än.`,
  cli_no_outbox: (m, f) => `Det finns ingen utkorg i ${f.v(m.dataDir)}.`,
  cli_data_folder: (m, f) => `Datamapp: ${f.v(m.dataDir)}`,
  cli_no_campaigns: () => 'Inga kampanjer i den här datamappen än.',
  cli_no_campaign: (m, f) => `Det finns ingen kampanj ${f.v(m.campaignId)} i den här datamappen.`,
  cli_status_campaign: (m, f) =>
    `#${f.v(m.campaignId)} ${f.v(m.name)} — ${f.t({ code: 'campaign_status', status: m.status })}, ${recipients(m.total, f)}, skapad ${f.dateTime(m.createdAt)}`,
  cli_status_uncertain: (m, f) =>
    `${f.n(m.count)} osäkra: "sms-outbox resolve --campaign ${f.v(m.campaignId)} --resend" eller "--mark-sent" (eller i appen).`,
  cli_resolve_none: (m, f) => `Kampanj ${f.v(m.campaignId)} har inga osäkra mottagare.`,
  cli_resolve_resent: (m, f) =>
    `${f.plural(m.count, { one: `${f.n(m.count)} osäker mottagare`, other: `${f.n(m.count)} osäkra mottagare` })} i kampanj ${f.v(m.campaignId)} står i kö igen: kör "sms-outbox resume${m.demo ? ' --demo' : ''}" för att skicka ${f.plural(m.count, { one: 'den', other: 'dem' })}.`,
  cli_resolve_marked: (m, f) =>
    `${f.plural(m.count, { one: `${f.n(m.count)} osäker mottagare`, other: `${f.n(m.count)} osäkra mottagare` })} i kampanj ${f.v(m.campaignId)} är markerade som skickade.`,

  cli_disk_full: (m, f) =>
    `Disken med datamappen är full (${f.v(m.detail)}). Frigör utrymme och försök sedan igen ("sms-outbox resume" slutför ett utskick); inget som redan sparats går förlorat.`,
  cli_read_only: (m, f) =>
    `Det går inte att skriva i datamappen: den är skrivskyddad (${f.v(m.detail)}). Utskick kräver en mapp som går att skriva i.`,
  cli_database_failed: (m, f) =>
    `Utkorgens databas misslyckades: ${f.v(m.detail)}${m.busy ? ' (en annan process skriver i datamappen; försök igen)' : ''}`,
  cli_unexpected: (m, f) => (m.detail ? `Oväntat fel: ${f.v(m.detail)}` : 'Oväntat fel (kör med SMS_OUTBOX_DEBUG=1 för detaljer).'),
  cli_log_error: (m, f) => `fel: ${f.v(m.detail)}`,
};
