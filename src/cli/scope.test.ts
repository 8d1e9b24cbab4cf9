// What one command sends and when: `send` sends only its own campaign (resume is the command for the
// rest, and the summary says so), `resume --now` does not wait out a long Retry-After, and an
// unusable --country is refused before any data folder or database is created.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Engine } from '../core/engine';
import { DB_FILE } from '../core/db/open';
import { newCampaign, numbers } from '../core/testing';
import { startSimulator, type Simulator } from '../simulator';
import { EXIT } from './exitCodes';
import { cliInProcess } from './testing/inProcess';

const TOKEN = 'scope-test-token-0123456789';
let dir: string;
let sim: Simulator;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sms-outbox-scope-'));
  sim = await startSimulator({ token: TOKEN, credit: 1e6, blockedCountries: [] });
});
afterEach(async () => {
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

const cli = (argv: string[], signal?: AbortSignal) => cliInProcess(argv, { env: { GATEWAYAPI_TOKEN: TOKEN }, signal });

const csvOf = (n: number, first = 4540100000) => {
  const path = join(dir, `contacts-${first}.csv`);
  writeFileSync(path, 'phone\n' + Array.from({ length: n }, (_, i) => `+${first + i}`).join('\n') + '\n');
  return path;
};
const dataDir = () => join(dir, 'data');
const sendArgs = (file: string, extra: string[] = []) => [
  ...['send', '--data-dir', dataDir(), '--base-url', sim.url, '--csv', file],
  ...['--message', 'Hi', '--sender', 'Shop', '--yes', '--batch-size', '10', ...extra],
];
const send = (file: string, signal?: AbortSignal) => cli(sendArgs(file), signal);

describe('send sends its own campaign only', () => {
  it('another campaign left queued in a paused outbox stays queued; the summary says so and resume sends it', async () => {
    // An outbox paused (credit ran out) with 2,000 recipients of an older campaign still queued.
    const engine = new Engine({ dataDir: dataDir(), gateway: async () => null });
    engine.campaigns.create(newCampaign({ people: numbers(2000).map((msisdn) => ({ msisdn })), name: 'older' }));
    engine.pause('credit', 'GatewayAPI credit is used up.');
    await engine.close();

    const r = await send(csvOf(90));
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toMatch(/Send|Sending campaign 2/);
    expect(sim.log).toHaveLength(90); // not 2,090
    expect(r.err).toMatch(
      /Not sent by this command: 2,000 recipients of campaign 1 still queued in this data folder; "sms-outbox resume" sends them/,
    );

    const resumed = await cli(['resume', '--data-dir', dataDir(), '--base-url', sim.url, '--batch-size', '500']);
    expect(resumed.code).toBe(EXIT.ok);
    expect(sim.log).toHaveLength(2090);
    expect(sim.duplicates()).toEqual([]);
  });
});

describe('resume --now', () => {
  it('tries a batch waiting out an hour-long Retry-After at once (without it, the wait holds)', async () => {
    sim.faults.rateLimit = { count: 1, retryAfterSec: 3600 };
    // The send meets the 429, then the user stops it (Ctrl-C) rather than wait an hour.
    const stop = new AbortController();
    const sending = send(csvOf(10), stop.signal);
    const engineSaw429 = () => sim.requests.some((q) => q.status === 429);
    for (let i = 0; i < 400 && !engineSaw429(); i++) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 100));
    stop.abort();
    const first = await sending;
    expect(first.code).toBe(EXIT.other);
    expect(sim.log).toHaveLength(0);

    // Without --now the wait holds (aborted after 1 s: nothing was sent).
    const later = new AbortController();
    setTimeout(() => later.abort(), 1000);
    const waiting = await cli(['resume', '--data-dir', dataDir(), '--base-url', sim.url], later.signal);
    expect(waiting.code).toBe(EXIT.other);
    expect(sim.log).toHaveLength(0);

    const t0 = Date.now();
    const now = await cli(['resume', '--now', '--data-dir', dataDir(), '--base-url', sim.url]);
    expect(now.code).toBe(EXIT.ok);
    expect(now.out).toMatch(/1 batch waiting to be retried is tried now/);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(sim.log).toHaveLength(10);
  });
});

describe('--country is checked before anything is created', () => {
  it('--country ZZ exits 2 and leaves no data folder or database behind', async () => {
    const bad = await cli(sendArgs(csvOf(3), ['--country', 'ZZ']));
    expect(bad.code).toBe(EXIT.usage);
    expect(bad.err).toMatch(/--country ZZ is not a country/);
    expect(existsSync(join(dataDir(), DB_FILE))).toBe(false);
    const imp = await cli(['import', csvOf(3), '--country', 'ZZ', '--data-dir', dataDir()]);
    expect(imp.code).toBe(EXIT.usage);
    expect(existsSync(join(dataDir(), DB_FILE))).toBe(false);
  });
});
