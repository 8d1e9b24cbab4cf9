// Words of main's own confirmation dialogs (shared/confirmRequest.ts), one block per language; each
// catalog's confirm_* codes read from here. The numbers come from the request, formatted by Intl.
import type { ConfirmRequest } from '../../confirmRequest';
import type { Tools } from '../catalog';
import type { Language } from '../languages';

export interface ConfirmWords {
  title(r: ConfirmRequest, f: Tools): string;
  detail(r: ConfirmRequest, f: Tools): string;
  yes(r: ConfirmRequest): string;
  no: string;
}

type Costly = Extract<ConfirmRequest, { kind: 'send' | 'resend' }>;
interface Labels {
  campaign: string;
  recipients: string;
  parts: string;
  cost: string;
  creditAfter: string;
}
const numbers = (r: Costly, f: Tools, l: Labels) =>
  [
    `${l.campaign}: “${f.v(r.campaign)}”`,
    `${l.recipients}: ${f.n(r.recipients)}`,
    `${l.parts}: ${f.n(r.parts)}`,
    `${l.cost}: ${f.money(r.cost, r.currency)}`,
    `${l.creditAfter}: ${f.money(r.creditAfter, r.currency)}`,
  ].join('\n');

export const CONFIRM_WORDS: Record<Language, ConfirmWords> = {
  en: {
    title: (r, f) => {
      const n = (k: number, one: string, other: string) => f.plural(k, { one: `${f.n(k)} ${one}`, other: `${f.n(k)} ${other}` });
      switch (r.kind) {
        case 'send':
          return r.sendAt != null
            ? `Schedule ${n(r.recipients, 'message', 'messages')} for ${f.dateTime(r.sendAt)}?`
            : `Send ${n(r.recipients, 'message', 'messages')} now?`;
        case 'resend':
          return `Resend to ${n(r.recipients, r.which === 'uncertain' ? 'uncertain recipient' : 'failed recipient', r.which === 'uncertain' ? 'uncertain recipients' : 'failed recipients')}?`;
        case 'replaceToken':
          return r.replacing ? 'Replace the GatewayAPI token?' : 'Save this GatewayAPI token?';
        case 'unsuppress':
          return `Remove ${f.v(r.msisdn)} from the suppression list?`;
        case 'testNumber':
          return `Send test messages to ${f.v(r.msisdn)}?`;
        case 'quietHoursOff':
          return 'Turn off quiet hours?';
      }
    },
    detail: (r, f) => {
      const l = { campaign: 'Campaign', recipients: 'Recipients', parts: 'SMS parts', cost: 'Estimated cost', creditAfter: 'Credit after' };
      switch (r.kind) {
        case 'send':
          return `${numbers(r, f, l)}${r.warning ? `\n\n${f.t({ code: 'schedule_quiet', ...r.warning })}` : ''}\n\nOnce GatewayAPI has the messages, this cannot be undone.`;
        case 'resend':
          return `${numbers(r, f, l)}${r.which === 'uncertain' ? '\n\nGatewayAPI may already have these messages: resending can deliver them twice.' : ''}`;
        case 'replaceToken':
          return r.account
            ? `GatewayAPI says this token belongs to account ${r.account.id != null ? f.v(r.account.id) : '(no number given)'}, credit ${f.money(r.account.credit, r.account.currency)}.\nMessages will be sent and charged through this account.`
            : `GatewayAPI could not be asked which account this token belongs to (${f.v(r.problem ?? 'no answer')}). Save it only if you created it yourself in GatewayAPI's dashboard.`;
        case 'unsuppress':
          return `Messages can then reach this number again.${r.reason ? ` It was added with the note “${f.v(r.reason)}”.` : ''}`;
        case 'testNumber':
          return 'Test messages from Compose go only to this number. Use your own.';
        case 'quietHoursOff':
          return `Messages will then also be sent between ${f.v(r.start)} and ${f.v(r.end)}.${r.queued > 0 ? ` ${f.n(r.queued)} queued now.` : ''}`;
      }
    },
    yes: (r) =>
      ({
        send: r.kind === 'send' && r.sendAt != null ? 'Schedule' : 'Send now',
        resend: 'Resend',
        replaceToken: r.kind === 'replaceToken' && r.replacing ? 'Replace token' : 'Save token',
        unsuppress: 'Remove',
        testNumber: 'Use this number',
        quietHoursOff: 'Turn off',
      })[r.kind],
    no: 'Cancel',
  },
  da: {
    title: (r, f) => {
      const n = (k: number, one: string, other: string) => f.plural(k, { one: `${f.n(k)} ${one}`, other: `${f.n(k)} ${other}` });
      switch (r.kind) {
        case 'send':
          return r.sendAt != null
            ? `Planlæg ${n(r.recipients, 'besked', 'beskeder')} til ${f.dateTime(r.sendAt)}?`
            : `Send ${n(r.recipients, 'besked', 'beskeder')} nu?`;
        case 'resend':
          return r.which === 'uncertain'
            ? `Send igen til ${n(r.recipients, 'usikker modtager', 'usikre modtagere')}?`
            : `Send igen til ${n(r.recipients, 'modtager', 'modtagere')}, der ikke fik beskeden?`;
        case 'replaceToken':
          return r.replacing ? 'Erstat GatewayAPI-nøglen?' : 'Gem denne GatewayAPI-nøgle?';
        case 'unsuppress':
          return `Fjern ${f.v(r.msisdn)} fra spærrelisten?`;
        case 'testNumber':
          return `Send testbeskeder til ${f.v(r.msisdn)}?`;
        case 'quietHoursOff':
          return 'Slå stille timer fra?';
      }
    },
    detail: (r, f) => {
      const l = { campaign: 'Kampagne', recipients: 'Modtagere', parts: 'SMS-dele', cost: 'Anslået pris', creditAfter: 'Saldo bagefter' };
      switch (r.kind) {
        case 'send':
          return `${numbers(r, f, l)}${r.warning ? `\n\n${f.t({ code: 'schedule_quiet', ...r.warning })}` : ''}\n\nNår GatewayAPI har beskederne, kan det ikke fortrydes.`;
        case 'resend':
          return `${numbers(r, f, l)}${r.which === 'uncertain' ? '\n\nGatewayAPI har måske allerede disse beskeder: sender du igen, kan de komme frem to gange.' : ''}`;
        case 'replaceToken':
          return r.account
            ? `GatewayAPI oplyser, at nøglen hører til konto ${r.account.id != null ? f.v(r.account.id) : '(uden nummer)'}, saldo ${f.money(r.account.credit, r.account.currency)}.\nBeskeder sendes og betales gennem denne konto.`
            : `GatewayAPI kunne ikke spørges, hvilken konto nøglen hører til (${f.v(r.problem ?? 'intet svar')}). Gem den kun, hvis du selv har oprettet den i GatewayAPI's kontrolpanel.`;
        case 'unsuppress':
          return `Så kan beskeder igen nå dette nummer.${r.reason ? ` Det blev tilføjet med noten “${f.v(r.reason)}”.` : ''}`;
        case 'testNumber':
          return 'Testbeskeder fra Skriv går kun til dette nummer. Brug dit eget.';
        case 'quietHoursOff':
          return `Så sendes der også mellem ${f.v(r.start)} og ${f.v(r.end)}.${r.queued > 0 ? ` ${f.n(r.queued)} i kø nu.` : ''}`;
      }
    },
    yes: (r) =>
      ({
        send: r.kind === 'send' && r.sendAt != null ? 'Planlæg' : 'Send nu',
        resend: 'Send igen',
        replaceToken: r.kind === 'replaceToken' && r.replacing ? 'Erstat nøgle' : 'Gem nøgle',
        unsuppress: 'Fjern',
        testNumber: 'Brug nummeret',
        quietHoursOff: 'Slå fra',
      })[r.kind],
    no: 'Annuller',
  },
  sv: {
    title: (r, f) => {
      const n = (k: number, one: string, other: string) => f.plural(k, { one: `${f.n(k)} ${one}`, other: `${f.n(k)} ${other}` });
      switch (r.kind) {
        case 'send':
          return r.sendAt != null
            ? `Schemalägg ${n(r.recipients, 'meddelande', 'meddelanden')} till ${f.dateTime(r.sendAt)}?`
            : `Skicka ${n(r.recipients, 'meddelande', 'meddelanden')} nu?`;
        case 'resend':
          return r.which === 'uncertain'
            ? `Skicka igen till ${n(r.recipients, 'osäker mottagare', 'osäkra mottagare')}?`
            : `Skicka igen till ${n(r.recipients, 'mottagare', 'mottagare')} som inte fick meddelandet?`;
        case 'replaceToken':
          return r.replacing ? 'Ersätta GatewayAPI-nyckeln?' : 'Spara den här GatewayAPI-nyckeln?';
        case 'unsuppress':
          return `Ta bort ${f.v(r.msisdn)} från spärrlistan?`;
        case 'testNumber':
          return `Skicka testmeddelanden till ${f.v(r.msisdn)}?`;
        case 'quietHoursOff':
          return 'Stänga av tysta timmar?';
      }
    },
    detail: (r, f) => {
      const l = {
        campaign: 'Kampanj',
        recipients: 'Mottagare',
        parts: 'SMS-delar',
        cost: 'Uppskattad kostnad',
        creditAfter: 'Saldo efteråt',
      };
      switch (r.kind) {
        case 'send':
          return `${numbers(r, f, l)}${r.warning ? `\n\n${f.t({ code: 'schedule_quiet', ...r.warning })}` : ''}\n\nNär GatewayAPI har meddelandena går det inte att ångra.`;
        case 'resend':
          return `${numbers(r, f, l)}${r.which === 'uncertain' ? '\n\nGatewayAPI kan redan ha dessa meddelanden: skickar du igen kan de komma fram två gånger.' : ''}`;
        case 'replaceToken':
          return r.account
            ? `GatewayAPI uppger att nyckeln hör till konto ${r.account.id != null ? f.v(r.account.id) : '(utan nummer)'}, saldo ${f.money(r.account.credit, r.account.currency)}.\nMeddelanden skickas och debiteras via det kontot.`
            : `GatewayAPI kunde inte tillfrågas vilket konto nyckeln hör till (${f.v(r.problem ?? 'inget svar')}). Spara den bara om du själv skapade den i GatewayAPI:s kontrollpanel.`;
        case 'unsuppress':
          return `Då kan meddelanden nå numret igen.${r.reason ? ` Det lades till med anteckningen “${f.v(r.reason)}”.` : ''}`;
        case 'testNumber':
          return 'Testmeddelanden från Skriv går bara till det här numret. Använd ditt eget.';
        case 'quietHoursOff':
          return `Då skickas det även mellan ${f.v(r.start)} och ${f.v(r.end)}.${r.queued > 0 ? ` ${f.n(r.queued)} i kö nu.` : ''}`;
      }
    },
    yes: (r) =>
      ({
        send: r.kind === 'send' && r.sendAt != null ? 'Schemalägg' : 'Skicka nu',
        resend: 'Skicka igen',
        replaceToken: r.kind === 'replaceToken' && r.replacing ? 'Ersätt nyckel' : 'Spara nyckel',
        unsuppress: 'Ta bort',
        testNumber: 'Använd numret',
        quietHoursOff: 'Stäng av',
      })[r.kind],
    no: 'Avbryt',
  },
  nb: {
    title: (r, f) => {
      const n = (k: number, one: string, other: string) => f.plural(k, { one: `${f.n(k)} ${one}`, other: `${f.n(k)} ${other}` });
      switch (r.kind) {
        case 'send':
          return r.sendAt != null
            ? `Planlegge ${n(r.recipients, 'melding', 'meldinger')} til ${f.dateTime(r.sendAt)}?`
            : `Sende ${n(r.recipients, 'melding', 'meldinger')} nå?`;
        case 'resend':
          return r.which === 'uncertain'
            ? `Sende på nytt til ${n(r.recipients, 'usikker mottaker', 'usikre mottakere')}?`
            : `Sende på nytt til ${n(r.recipients, 'mottaker', 'mottakere')} som ikke fikk meldingen?`;
        case 'replaceToken':
          return r.replacing ? 'Erstatte GatewayAPI-nøkkelen?' : 'Lagre denne GatewayAPI-nøkkelen?';
        case 'unsuppress':
          return `Fjerne ${f.v(r.msisdn)} fra sperrelisten?`;
        case 'testNumber':
          return `Sende testmeldinger til ${f.v(r.msisdn)}?`;
        case 'quietHoursOff':
          return 'Slå av stille timer?';
      }
    },
    detail: (r, f) => {
      const l = { campaign: 'Kampanje', recipients: 'Mottakere', parts: 'SMS-deler', cost: 'Beregnet pris', creditAfter: 'Saldo etterpå' };
      switch (r.kind) {
        case 'send':
          return `${numbers(r, f, l)}${r.warning ? `\n\n${f.t({ code: 'schedule_quiet', ...r.warning })}` : ''}\n\nNår GatewayAPI har meldingene, kan det ikke angres.`;
        case 'resend':
          return `${numbers(r, f, l)}${r.which === 'uncertain' ? '\n\nGatewayAPI kan allerede ha disse meldingene: sender du på nytt, kan de komme fram to ganger.' : ''}`;
        case 'replaceToken':
          return r.account
            ? `GatewayAPI oppgir at nøkkelen hører til konto ${r.account.id != null ? f.v(r.account.id) : '(uten nummer)'}, saldo ${f.money(r.account.credit, r.account.currency)}.\nMeldinger sendes og belastes gjennom denne kontoen.`
            : `GatewayAPI kunne ikke spørres om hvilken konto nøkkelen hører til (${f.v(r.problem ?? 'intet svar')}). Lagre den bare hvis du selv opprettet den i GatewayAPIs kontrollpanel.`;
        case 'unsuppress':
          return `Da kan meldinger nå nummeret igjen.${r.reason ? ` Det ble lagt til med merknaden “${f.v(r.reason)}”.` : ''}`;
        case 'testNumber':
          return 'Testmeldinger fra Skriv går bare til dette nummeret. Bruk ditt eget.';
        case 'quietHoursOff':
          return `Da sendes det også mellom ${f.v(r.start)} og ${f.v(r.end)}.${r.queued > 0 ? ` ${f.n(r.queued)} i kø nå.` : ''}`;
      }
    },
    yes: (r) =>
      ({
        send: r.kind === 'send' && r.sendAt != null ? 'Planlegg' : 'Send nå',
        resend: 'Send på nytt',
        replaceToken: r.kind === 'replaceToken' && r.replacing ? 'Erstatt nøkkel' : 'Lagre nøkkel',
        unsuppress: 'Fjern',
        testNumber: 'Bruk nummeret',
        quietHoursOff: 'Slå av',
      })[r.kind],
    no: 'Avbryt',
  },
};
