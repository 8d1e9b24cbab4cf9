import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { guessMapping, looksLikePhoneNumber, normaliseHeader } from './mapping';
import { parseCsv } from './parse';
import { decodeCsvBytes, sniffDelimiter } from './sniff';

const rowsOf = (name: string) => {
  const { text } = decodeCsvBytes(new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url))));
  return parseCsv(text, sniffDelimiter(text)).rows;
};
const table = (header: string[], ...data: string[][]) => [header, ...data];

describe('guessMapping: phone column from the header', () => {
  it.each([
    ['Mobil'],
    ['Mobilnummer'],
    ['Telefon'],
    ['Tlf'],
    ['Tlf.nr'],
    ['Tlf. nr.'],
    ['Handy'],
    ['Handynummer'],
    ['Mobiltelefon'],
    ['Phone'],
    ['Mobile Phone'],
    ['Phone 1 - Value'],
    ['Cell'],
    ['MSISDN'],
    ['Telefonnummer'],
    ['Mobilnr.'],
  ])('%s', (header) => {
    const m = guessMapping(table(['Navn', header, 'By'], ['Anna', '20 12 34 56', 'Odense'], ['Bo', '+45 30123456', 'Vejle']));
    expect(m).toMatchObject({ hasHeader: true, phoneColumn: 1, nameColumn: 0, confidence: 'high' });
  });

  it('prefers a mobile column to a landline column', () => {
    const m = guessMapping(
      table(['Name', 'Telefon', 'Mobil'], ['Anna', '33 12 34 56', '20 12 34 56'], ['Bo', '33 22 34 56', '30 12 34 56']),
    );
    expect(m.phoneColumn).toBe(2);
  });

  it('does not take a fax or type column, nor a mobile column that is empty', () => {
    const m = guessMapping(
      table(
        ['Name', 'Mobile Phone', 'Business Fax', 'Phone 1 - Type', 'Home Phone'],
        ['Anna', '', '33 99 99 99', 'Mobile', '20 12 34 56'],
        ['Bo', '', '33 99 99 98', 'Mobile', '30 12 34 56'],
      ),
    );
    expect(m.phoneColumn).toBe(4);
  });

  it('picks Outlook\'s "Mobile Phone" among its many phone columns', () => {
    const m = guessMapping(rowsOf('outlook.csv'));
    expect(m.headers[m.phoneColumn!]).toBe('Mobile Phone');
    expect(m.headers[m.nameColumn!]).toBe('First Name');
  });

  it('picks the Google Contacts "Phone N - Value" whose label says Mobile', () => {
    const m = guessMapping(rowsOf('google-contacts.csv'));
    expect(m.headers[m.phoneColumn!]).toBe('Phone 2 - Value');
    expect(m.headers[m.nameColumn!]).toBe('First Name');
  });

  it('still finds the phone column by its numbers when the header is unknown', () => {
    const m = guessMapping(table(['Kunde', 'Kontaktoplysning', 'Postnr'], ['Anna', '20 12 34 56', '5000'], ['Bo', '30 12 34 56', '7100']));
    expect(m).toMatchObject({ hasHeader: true, phoneColumn: 1 });
  });

  it('finds no phone column in a file without numbers', () => {
    expect(guessMapping(rowsOf('no-phone.csv'))).toMatchObject({ hasHeader: true, phoneColumn: null, confidence: 'none' });
  });
});

describe('guessMapping: name column', () => {
  it.each([['Navn'], ['Name'], ['Namn'], ['Vorname'], ['Förnamn'], ['Fornavn'], ['First Name'], ['Fulde navn']])('%s', (header) => {
    const m = guessMapping(table(['Mobil', header], ['20123456', 'Anna'], ['30123456', 'Bo']));
    expect(m.nameColumn).toBe(1);
  });

  it('prefers the full name to the first name, and never a last name', () => {
    expect(guessMapping(table(['Efternavn', 'Fornavn', 'Navn', 'Mobil'], ['H', 'A', 'A H', '20123456'])).nameColumn).toBe(2);
    expect(guessMapping(table(['Last Name', 'First Name', 'Mobil'], ['H', 'A', '20123456'])).nameColumn).toBe(1);
  });
});

describe('guessMapping: files without a header row', () => {
  it('sees that row 1 is data when its phone cell is a number', () => {
    const m = guessMapping(rowsOf('no-header.csv'));
    expect(m).toMatchObject({
      hasHeader: false,
      headers: ['Column 1', 'Column 2', 'Column 3'],
      phoneColumn: 1,
      nameColumn: 0,
    });
  });

  it('also when row 1 would match a header word by chance', () => {
    const m = guessMapping(table(['Mobil', '20123456'], ['Bo', '30123456']));
    expect(m).toMatchObject({ hasHeader: false, phoneColumn: 1 });
  });

  it('takes "Surname, First name" cells for the name column', () => {
    const m = guessMapping([
      ['Hansen, Jens', '20123456'],
      ['Ølgaard, Åse', '+45 20 12 34 57'],
    ]);
    expect(m).toMatchObject({ hasHeader: false, phoneColumn: 1, nameColumn: 0 });
  });

  it('lets the caller say whether there is a header', () => {
    const rows = table(['Navn', 'Mobil'], ['Anna', '20123456']);
    expect(guessMapping(rows, { hasHeader: false })).toMatchObject({ hasHeader: false, headers: ['Column 1', 'Column 2'] });
  });
});

describe('guessMapping: header names', () => {
  it('names blank header cells and makes repeated names unique, ignoring case', () => {
    const m = guessMapping(table(['Navn', '', 'navn', 'Mobil', 'Navn'], ['A', 'x', 'B', '20123456', 'C']));
    expect(m.headers).toEqual(['Navn', 'Column 2', 'navn (2)', 'Mobil', 'Navn (3)']);
  });

  it('gives ragged rows wider than the header a name for every column', () => {
    const m = guessMapping(rowsOf('ragged.csv'));
    expect(m.headers).toEqual(['Name', 'Phone', 'City', 'Column 4', 'Column 5']);
  });
});

describe('helpers', () => {
  it('normalises headers across languages and punctuation', () => {
    expect(normaliseHeader('Tlf.nr')).toBe('tlfnr');
    expect(normaliseHeader('Förnamn')).toBe('fornamn');
    expect(normaliseHeader('Empfänger')).toBe('empfanger');
    expect(normaliseHeader('Phone 1 - Value')).toBe('phone1value');
  });

  it('tells numbers from dates, postcodes and words', () => {
    for (const s of ['20 12 34 56', '+45 20123456', '(0) 20-12-34-56', '4.5201E+09', "'+4520123456"]) {
      expect(looksLikePhoneNumber(s), s).toBe(true);
    }
    for (const s of ['2024-01-05', '05-01-2024', '5000', 'Anna', '12,50', '']) expect(looksLikePhoneNumber(s), s).toBe(false);
  });
});
