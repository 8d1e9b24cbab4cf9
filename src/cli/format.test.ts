import { describe, expect, it } from 'vitest';
import type { CampaignSummary, ImportReport } from '../shared/contract';
import { EXIT } from './exitCodes';
import { exitAdvice, formatImportReport, formatProgress, formatStatusTable, formatSummary, statusJsonLine } from './format';
import { countCampaign } from '../shared/campaignCounts';
import { progressPrinter } from './watch';
import { campaignSummary } from '../shared/testing';

// The CLI tests read a 10-recipient campaign unless they say otherwise.
const campaign = (over: Partial<CampaignSummary> = {}) => campaignSummary({ total: 10, ...over });

describe('progress and summary', () => {
  const t = countCampaign(campaign({ total: 3000, states: { submitted: 1000, queued: 2000 }, batches: { total: 1, submitted: 1 } }));

  it('says how far sending got and why it waits', () => {
    expect(formatProgress(t, { phase: 'sending' })).toBe('1,000 of 3,000 recipients submitted in 1 batch');
    expect(formatProgress(t, { phase: 'sending', offline: true, retryInSec: 12 })).toBe(
      '1,000 of 3,000 recipients submitted in 1 batch · Offline — 2,000 queued, next attempt in 12 s.',
    );
    // The true cause, with the host and what to do; never "retrying in 0 s" for a probe that is not due.
    const dns = {
      code: 'net_failed',
      cause: 'dns',
      host: 'gatewayapi.com',
      proxy: null,
      proxyStatus: null,
      detail: 'ENOTFOUND',
      written: 'no',
    } as const;
    expect(formatProgress(t, { phase: 'sending', offline: true, retryInSec: 40, cause: dns })).toMatch(
      /Offline — 2,000 queued, next attempt in 40 s\. Cannot reach gatewayapi\.com: the host name could not be looked up\. Nothing was sent\. Check the internet connection/,
    );
    const proxy = { ...dns, cause: 'proxy_refused', proxy: 'proxy.corp:3128', proxyStatus: 502, detail: 'PROXY_REFUSED' } as const;
    expect(formatProgress(t, { phase: 'sending', retryInSec: 8, cause: proxy })).toMatch(
      /GatewayAPI busy — 2,000 queued, next attempt in 8 s\. Cannot reach proxy proxy\.corp:3128: the proxy refused the connection \(HTTP 502\)\..*proxy settings/,
    );
    // Quiet hours' end in the language's date format (the local clock), not the machine's locale.
    const until = new Date(2026, 11, 5, 8, 0).getTime();
    expect(formatProgress(t, { phase: 'sending', quietUntil: until })).toMatch(/quiet hours: held until 05\/12\/2026, 08:00$/);
  });

  it('summarises each campaign with delivery only when known or awaited', () => {
    const c = campaign({ total: 2, states: { submitted: 2 }, statuses: { DELIVERED: 1, REJECTED: 1 }, totalCost: 0.5, currency: 'DKK' });
    expect(formatSummary([{ campaign: c, counts: countCampaign(c) }], false)).toEqual([
      'Campaign 1 "Spring": 2 recipients',
      '  2 submitted',
      '  delivery: 1 delivered · 1 not delivered · 0 awaiting reports',
      '  cost: 0.50 DKK',
    ]);
    const d = campaign({ total: 2, states: { submitted: 1, uncertain: 1 } });
    expect(formatSummary([{ campaign: d, counts: countCampaign(d) }], false)).toEqual([
      'Campaign 1 "Spring": 2 recipients',
      '  1 submitted · 1 uncertain',
    ]);
  });

  it('tells the user what to do for each exit code', () => {
    const o = { leaseLost: false, paused: null, campaignPaused: false, failed: 2, uncertain: 3, unsent: 0, unreported: 0, wait: false };
    expect(exitAdvice(EXIT.incomplete, o, null)).toMatch(/2 failed .*3 uncertain.*sms-outbox resolve --campaign N --resend/);
    const refused = { code: 'paused', reason: 'auth', cause: null } as const;
    expect(exitAdvice(EXIT.paused, { ...o, paused: 'auth' }, refused)).toMatch(/set GATEWAYAPI_TOKEN/);
    expect(exitAdvice(EXIT.paused, { ...o, paused: 'credit', unsent: 5 }, { code: 'paused', reason: 'credit', cause: null })).toMatch(
      /^Sending is paused: the credit is used up\. .*sms-outbox resume/,
    );
    // A pause message that already ends a sentence gets no second full stop.
    expect(exitAdvice(EXIT.paused, { ...o, paused: 'unreachable' }, { code: 'paused', reason: 'unreachable', cause: null })).toBe(
      'Sending is paused: GatewayAPI is not answering. Fix the cause, then run "sms-outbox resume".',
    );
    expect(exitAdvice(EXIT.paused, { ...o, paused: 'frozen' }, null)).toBe(
      'Sending is paused: the account is frozen. Fix the cause, then run "sms-outbox resume".',
    );
    expect(exitAdvice(EXIT.other, { ...o, failed: 0, uncertain: 0, unsent: 4 }, null)).toMatch(/4 recipients are not sent yet/);
    expect(exitAdvice(EXIT.ok, o, null)).toBeNull();
  });
});

describe('import report', () => {
  const report: ImportReport = {
    importId: 'x',
    totalRows: 10,
    accepted: 6,
    counts: { invalid_number: 3, missing_number: 0, duplicate: 1, suppressed: 0, missing_merge_value: 0, too_long: 0 },
    examples: {
      invalid_number: [
        { rowNo: 2, message: 'Not a phone number', text: { code: 'reason_legacy', text: 'Not a phone number' }, raw: [] },
        { rowNo: 4, message: 'Too few digits', text: { code: 'reason_legacy', text: 'Too few digits' }, raw: [] },
        { rowNo: 5, message: 'Too many digits', text: { code: 'reason_legacy', text: 'Too many digits' }, raw: [] },
      ],
      duplicate: [{ rowNo: 9, message: 'Same number as row 3', text: { code: 'reason_legacy', text: 'Same number as row 3' }, raw: [] }],
    },
    merge: { tags: ['%Name%'], unknown: [] },
    encodings: { gsm7: 5, ucs2: 1 },
    parts: 7,
  };

  it('lists counts per kind with examples and row numbers', () => {
    expect(formatImportReport(report, 'c.csv')).toEqual([
      'c.csv: 10 rows, 6 recipients accepted, 4 rejected.',
      '  Invalid number: 3',
      '    row 2: Not a phone number',
      '    row 4: Too few digits',
      '    row 5: Too many digits',
      '  Duplicate: 1',
      '    row 9: Same number as row 3',
      '  Merge fields: %Name%',
      '  7 SMS parts in all (1 as UCS-2 because of non-GSM characters).',
    ]);
  });

  it('says how many more there are than shown', () => {
    const lines = formatImportReport({ ...report, counts: { ...report.counts, invalid_number: 40 } }, 'c.csv');
    expect(lines).toContain('    … and 37 more');
  });
});

describe('status output', () => {
  it('writes one JSON object per recipient with the documented keys', () => {
    const line = statusJsonLine(4, { msisdn: '4512345678', state: 'failed', status: null, error: 'Blacklisted', errorCode: '0x0214' });
    expect(JSON.parse(line)).toEqual({
      campaign: 4,
      msisdn: '4512345678',
      state: 'failed',
      status: null,
      error: 'Blacklisted',
      code: '0x0214',
      gatewayapi: null,
    });
  });

  it('shows a table per campaign', () => {
    const lines = formatStatusTable([campaign({ total: 3, states: { submitted: 2, uncertain: 1 }, statuses: { DELIVERED: 2 } })]);
    expect(lines[0]).toMatch(/^#1 Spring — Active, 3 recipients, created \d\d\/\d\d\/\d{4}, \d\d:\d\d$/);
    expect(lines.slice(1)).toEqual([
      '  Submitted           2',
      '  Uncertain           1',
      '    Delivered         2',
      '  1 uncertain: "sms-outbox resolve --campaign 1 --resend" or "--mark-sent" (or in the app).',
    ]);
    expect(formatStatusTable([])).toEqual(['No campaigns in this data folder yet.']);
  });
});

describe('progressPrinter', () => {
  it('rewrites one line on a terminal', () => {
    let out = '';
    const p = progressPrinter((s) => (out += s), true);
    p.update('1 of 3');
    p.update('1 of 3');
    p.update('3 of 3');
    p.done();
    expect(out).toBe('\r1 of 3\r3 of 3\n');
  });

  it('prints changed lines at most every gap elsewhere, and always the last one', () => {
    const lines: string[] = [];
    const p = progressPrinter((s) => lines.push(s), false, 60_000);
    p.update('1 of 3');
    p.update('2 of 3');
    p.update('3 of 3');
    p.done();
    expect(lines).toEqual(['1 of 3\n', '3 of 3\n']);
  });
});

describe('the wrong-country hint', () => {
  it('suggests --country when most numbers are invalid for the default country', () => {
    const base = {
      importId: 'x',
      totalRows: 10,
      merge: { tags: [], unknown: [] },
      encodings: { gsm7: 1, ucs2: 0 },
      parts: 1,
      examples: {},
    };
    const counts = { invalid_number: 9, missing_number: 0, duplicate: 0, suppressed: 0, missing_merge_value: 0, too_long: 0 };
    expect(formatImportReport({ ...base, accepted: 1, counts }, 'de.csv', { country: 'DK' }).join('\n')).toMatch(
      /not valid for DK.*--country/,
    );
    expect(
      formatImportReport({ ...base, accepted: 9, counts: { ...counts, invalid_number: 1 } }, 'dk.csv', { country: 'DK' }).join('\n'),
    ).not.toMatch(/--country/);
  });
});
