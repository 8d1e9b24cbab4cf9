import { describe, expect, it } from 'vitest';
import { EXIT, exitCodeFor, type RunOutcome } from './exitCodes';

const clean: RunOutcome = {
  leaseLost: false,
  paused: null,
  campaignPaused: false,
  failed: 0,
  uncertain: 0,
  unsent: 0,
  unreported: 0,
  wait: false,
};

describe('exitCodeFor', () => {
  it('is 0 when everything was submitted, whatever the delivery reports say', () => {
    expect(exitCodeFor(clean)).toBe(EXIT.ok);
    // Reports are only awaited with --wait; UNDELIVERABLE etc. never show up in failed/uncertain.
    expect(exitCodeFor({ ...clean, unreported: 40 })).toBe(EXIT.ok);
  });

  it('is 4 when recipients failed or are uncertain', () => {
    expect(exitCodeFor({ ...clean, failed: 1 })).toBe(EXIT.incomplete);
    expect(exitCodeFor({ ...clean, uncertain: 1000 })).toBe(EXIT.incomplete);
  });

  it('is 3 when sending paused with work left, ahead of failures', () => {
    expect(exitCodeFor({ ...clean, paused: 'credit', unsent: 10, failed: 2 })).toBe(EXIT.paused);
    expect(exitCodeFor({ ...clean, paused: 'auth', unsent: 1 })).toBe(EXIT.paused);
    expect(exitCodeFor({ ...clean, campaignPaused: true, unsent: 5 })).toBe(EXIT.paused);
  });

  it('ignores a pause that came after everything was sent', () => {
    expect(exitCodeFor({ ...clean, paused: 'user' })).toBe(EXIT.ok);
  });

  it('is 5 when another process took the data folder', () => {
    expect(exitCodeFor({ ...clean, leaseLost: true, paused: 'auth', unsent: 3 })).toBe(EXIT.busy);
  });

  it('is 1 when work is left for another reason (Ctrl-C), or --wait gave up on reports', () => {
    expect(exitCodeFor({ ...clean, unsent: 7 })).toBe(EXIT.other);
    expect(exitCodeFor({ ...clean, wait: true, unreported: 7 })).toBe(EXIT.other);
  });
});
