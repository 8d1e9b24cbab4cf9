import { describe, expect, it } from 'vitest';
import type { OutboxState } from '../../shared/contract';
import { coalesce } from './coalesce';
import { bytesToBase64 } from './files';
import { ApiError } from './bridge';
import {
  campaignStats,
  columnNames,
  formatMoney,
  localInputToUnix,
  outboxLabel,
  percent,
  previewTable,
  scheduleProblem,
  toMs,
} from './format';
import { campaignSummary } from '../../shared/testing';

const idle: OutboxState = {
  paused: null,
  pauseMessage: null,
  pauseCause: null,
  cause: null,
  offline: false,
  retryInSec: null,
  counts: {},
  heldElsewhere: false,
  quietUntil: null,
  halfStored: [],
};

describe('outboxLabel (the header status)', () => {
  it('says Sending… with the number still to go', () => {
    const l = outboxLabel({ ...idle, counts: { queued: 1200, in_flight: 300, submitted: 5 } });
    expect(l.text).toBe('Sending… 1,500 queued');
    expect(l.canResume).toBe(false);
  });
  it('says Offline — N queued when the gateway cannot be reached', () => {
    expect(outboxLabel({ ...idle, offline: true, counts: { queued: 7, retry_wait: 3 } }).text).toBe('Offline — 10 queued');
  });
  it('offers Resume when paused, with main’s reason or a default one', () => {
    const credit = outboxLabel({ ...idle, paused: 'credit', counts: { queued: 4 } });
    expect(credit).toMatchObject({ text: 'Paused: credit exhausted', tone: 'error', canResume: true });
    expect(outboxLabel({ ...idle, paused: 'auth', pauseMessage: 'Token refused (401)' }).text).toBe('Paused: Token refused (401)');
  });
  it('says when quiet hours hold the queue', () => {
    const at = new Date(2030, 0, 2, 8, 0).getTime();
    expect(outboxLabel({ ...idle, quietUntil: at, counts: { queued: 3 } }).text).toBe('Quiet hours — 3 queued until 08:00');
  });
  it('is Idle with nothing waiting', () => {
    expect(outboxLabel({ ...idle, counts: { submitted: 10 } }).text).toBe('Idle');
  });
});

const campaign = campaignSummary;

describe('campaignStats (results view)', () => {
  it('counts delivered, failed (delivery and send refusals), pending and the delivery rate', () => {
    const s = campaignStats(
      campaign({
        total: 10,
        statuses: { DELIVERED: 5, UNDELIVERABLE: 1, EXPIRED: 1, ENROUTE: 1 },
        states: { submitted: 8, failed: 1, cancelled: 1 },
      }),
    );
    expect(s).toMatchObject({ delivered: 5, failed: 3, pending: 1, cancelled: 1 });
    // Cancelled recipients were never meant to go out: 5 of 9.
    expect(s.rate).toBeCloseTo(5 / 9);
    expect(s.bars[0]).toMatchObject({ key: 'DELIVERED', count: 5, tone: 'ok' });
    expect(s.bars.map((b) => b.key)).toEqual(expect.arrayContaining(['failed', 'cancelled', 'ENROUTE']));
  });
  it('counts recipients not yet sent as pending and shows "marked as sent" apart', () => {
    const s = campaignStats(
      campaign({ total: 6, statuses: { PENDING: 2 }, states: { queued: 2, submitted: 2, marked_sent: 1, retry_wait: 1 } }),
    );
    expect(s.pending).toBe(2 + 1 + 2);
    expect(s.bars.find((b) => b.key === 'PENDING')?.count).toBe(2);
    expect(s.bars.find((b) => b.key === 'marked_sent')?.count).toBe(1);
    expect(s.bars.find((b) => b.key === 'waiting')?.count).toBe(3);
  });
  it('has no rate for an empty campaign', () => {
    expect(campaignStats(campaign({})).rate).toBeNull();
  });
});

describe('small formatters', () => {
  it('reads unix seconds and milliseconds alike', () => {
    expect(toMs(1_700_000_000)).toBe(1_700_000_000_000);
    expect(toMs(1_700_000_000_000)).toBe(1_700_000_000_000);
  });
  it('shows money with currency, small unit prices with 4 decimals', () => {
    expect(formatMoney(12.5, 'DKK')).toBe('12.50 DKK');
    expect(formatMoney(0.0425, 'EUR')).toBe('0.0425 EUR');
    expect(formatMoney(0.25, 'DKK')).toBe('0.25 DKK');
    expect(formatMoney(0.3, 'DKK')).toBe('0.30 DKK');
    expect(formatMoney(null, 'EUR')).toBe('—');
  });
  it('percent', () => {
    expect(percent(3, 5)).toBe('60%');
    expect(percent(1, 300)).toBe('0.3%');
    expect(percent(1, 0)).toBe('0%');
  });
  it('turns a datetime-local value into unix seconds in local time', () => {
    const v = localInputToUnix('2030-01-02T03:04');
    expect(v).toBe(Math.floor(new Date(2030, 0, 2, 3, 4).getTime() / 1000));
    expect(localInputToUnix('')).toBeNull();
    expect(localInputToUnix('not a date')).toBeNull();
  });
});

describe('previewTable (header row yes/no)', () => {
  const sniffedHeader = { hasHeader: true, headers: ['Navn', 'Telefon'], sampleRows: [['Åse', '20123451']] };
  it('keeps main’s split when the user agrees', () => {
    expect(previewTable(sniffedHeader, true)).toEqual({ headers: ['Navn', 'Telefon'], rows: [['Åse', '20123451']] });
  });
  it('moves the header into the data when the user says there is none', () => {
    expect(previewTable(sniffedHeader, false).rows).toEqual([
      ['Navn', 'Telefon'],
      ['Åse', '20123451'],
    ]);
  });
  it('takes row 1 as the header when main guessed there was none', () => {
    const t = previewTable(
      {
        hasHeader: false,
        headers: [],
        sampleRows: [
          ['Name', 'Mobil'],
          ['Bo', '1'],
        ],
      },
      true,
    );
    expect(t).toEqual({ headers: ['Name', 'Mobil'], rows: [['Bo', '1']] });
  });
  it('names the columns of a file without a header row "Column 1", "Column 2" … (the merge-field names)', () => {
    const t = previewTable(
      {
        hasHeader: false,
        headers: [],
        sampleRows: [
          ['Bo', '20123450', 'Aarhus'],
          ['Åse', '20123451'],
        ],
      },
      false,
    );
    expect(t.headers).toEqual(['Column 1', 'Column 2', 'Column 3']);
    expect(previewTable(sniffedHeader, false).headers).toEqual(['Column 1', 'Column 2']);
  });
});

describe('columnNames (what %…% can name, as main names the columns)', () => {
  it('fills blanks, drops % and line breaks, numbers repeats, and names columns past a short header', () => {
    expect(columnNames(['Navn', '', '50% rabat', 'navn', 'Navn', 'By\nnavn'], 7)).toEqual([
      'Navn',
      'Column 2',
      '50  rabat', // as main does: each run of % becomes a space
      'navn (2)',
      'Navn (3)',
      'By navn',
      'Column 7',
    ]);
  });
});

describe('scheduleProblem (the "Send at" field)', () => {
  const now = new Date(2030, 5, 1, 12, 0).getTime();
  it('asks for a time when the field is empty', () => {
    expect(scheduleProblem('', now)).toMatch(/Pick the date and time/);
  });
  it('refuses a time that has passed or is about to (it would send at once)', () => {
    expect(scheduleProblem('2030-06-01T11:59', now)).toMatch(/in the future/);
    expect(scheduleProblem('2030-06-01T12:00', now)).toMatch(/in the future/);
  });
  it('accepts a time in the future', () => {
    expect(scheduleProblem('2030-06-01T12:05', now)).toBeNull();
    expect(scheduleProblem('2031-01-01T08:00', now)).toBeNull();
  });
});

describe('ApiError (what the user reads)', () => {
  it('drops the field path main puts before a validation message shown at that field', () => {
    const e = new ApiError({
      kind: 'invalid_input',
      field: 'sender',
      message: 'sender: Sender: up to 11 letters/digits, or up to 15 digits',
    });
    expect(e.message).toBe('Sender: up to 11 letters/digits, or up to 15 digits');
    expect(new ApiError({ kind: 'invalid_input', message: 'sender: x' }).message).toBe('sender: x');
  });
});

describe('bytesToBase64 (file upload over the bridge)', () => {
  it('round-trips bytes larger than one chunk, including non-ASCII', () => {
    const text = 'Navn;Telefon\nSøren Ærø;20123450\n'.repeat(3000);
    const bytes = new TextEncoder().encode(text);
    expect(bytes.length).toBeGreaterThan(0x8000);
    const b64 = bytesToBase64(bytes.buffer as ArrayBuffer);
    const back = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
    expect(new TextDecoder().decode(back)).toBe(text);
  });
});

describe('coalesce (burst of outbox.changed events)', () => {
  it('runs once more after a burst, not once per call', async () => {
    let runs = 0;
    let release!: () => void;
    const refresh = coalesce(async () => {
      runs++;
      if (runs === 1) await new Promise<void>((r) => (release = r));
    });
    const first = refresh();
    void refresh();
    void refresh();
    void refresh();
    release();
    await first;
    expect(runs).toBe(2);
    await refresh();
    expect(runs).toBe(3);
  });
});
