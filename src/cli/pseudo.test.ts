// Everything the CLI prints is translated: the real commands run in the pseudo-language (every
// catalog string wrapped and accented, ⟦Ŝéñð⟧) — help, an import with bad rows, a demo send into
// refusals, a blocked country and rejected reports, status, a send that waits offline and is stopped
// with Ctrl-C, the confirmation question, and the errors for a bad argument, a missing file, an unknown
// country or no token — and the test fails on any line fragment outside ⟦…⟧ that is not data (a
// name, a number, a path, a file name, punctuation), the way e2e/languages.spec.ts checks the window.
// `status --json` and `import --json` are data for scripts: they must parse, line by line.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryStore } from '../core/secrets/secretStore';
import { setCliLanguage } from './language';
import { runCli } from './run';
import { cliInProcess } from './testing/inProcess';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sms-outbox-cli-pseudo-'));
});
afterEach(() => {
  setCliLanguage('en');
  rmSync(dir, { recursive: true, force: true });
});

/** Delivery reports within a second. */
const DEMO_TIMINGS = { statusDelayMs: 150, notFoundUntilMs: 50, pollScheduleMs: [100, 100, 200] };

interface Run {
  code: number;
  /** stdout, stderr and every question asked, in order. */
  all: string;
  out: string;
}

async function cli(
  argv: string[],
  o: { env?: NodeJS.ProcessEnv; answer?: string; stopWhen?: (printed: string) => boolean } = {},
): Promise<Run> {
  let all = '';
  let out = '';
  const stop = new AbortController();
  const print = (s: string) => {
    all += s;
    if (o.stopWhen?.(all) && !stop.signal.aborted) stop.abort();
  };
  const code = await runCli(['--lang', 'pseudo', ...argv], {
    env: o.env ?? {},
    stdout: (s) => {
      out += s;
      print(s);
    },
    stderr: print,
    interactive: false,
    ask:
      o.answer === undefined
        ? null
        : async (q) => {
            print(q + '\n');
            return o.answer as string;
          },
    secrets: () => createMemoryStore(),
    fetch: (input, init) => fetch(input, init),
    signal: stop.signal,
    tickMs: 20,
    demo: DEMO_TIMINGS,
  });
  return { code, all, out };
}

// The fixture of e2e/languages.spec.ts: one good number of each fate and bad rows of each kind.
// Numbers ending in 7 are undeliverable, 8 expire, 9 are rejected, 666 are on GatewayAPI's block
// list, +354 (Iceland) is a country the account may not send to.
const CSV =
  'Navn;Telefon\nSøren;20123450\nÅse;20123457\nIb;20123458\nMia;20123459\nBo;20123666\nLi;+354 611 1234\n' +
  'Ole;abc\nKaj;\nSøren to;20123450\nEva;12\n';
const NAMES = ['Søren', 'Åse', 'Ib', 'Mia', 'Bo', 'Li', 'Ole', 'Kaj', 'Søren to', 'Eva', 'Navn', 'Telefon'];

/** Line fragments outside ⟦…⟧ that are not data. */
function unwrapped(text: string, data: string[]): string[] {
  const bad: string[] = [];
  const outside = text.replace(/⟦[\s\S]*?⟧/g, '\u0000');
  for (const raw of outside.split('\n')) {
    for (let piece of raw.split('\u0000')) {
      for (const d of [...data].sort((a, b) => b.length - a.length)) piece = piece.split(d).join(' ');
      piece = piece.replace(/^sms-outbox:/, '').trim();
      if (piece === '' || /^[\d\s.,:;%+\-–—()/·…×#'"“”«»!?<>=[\]\u00a0\u202f]*$/.test(piece)) continue;
      bad.push(piece);
    }
  }
  return [...new Set(bad)];
}

/** A port nothing listens on (taken, then given back). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function jsonLines(out: string): unknown[] {
  return out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as unknown);
}

describe('the CLI in the pseudo-language', () => {
  it('wraps every word it prints, in every command, answer and error', async () => {
    const file = join(dir, 'kunder.csv');
    writeFileSync(file, CSV);
    const data = [...NAMES, dir, file, 'kunder.csv', 'kunder', 'Butik', 'sms-outbox 0.', 'Hej %Navn%', '%Navn%'];
    const runs: [string, Run][] = [];
    const run = async (what: string, argv: string[], o?: Parameters<typeof cli>[1]) => {
      const r = await cli(argv, o);
      runs.push([what, r]);
      return r;
    };

    // Help, every topic; the version is data.
    expect((await run('no command', [])).code).toBe(2);
    for (const topic of ['send', 'resume', 'status', 'import', 'resolve']) await run(`${topic} --help`, [topic, '--help']);
    await run('help', ['help']);
    await run('version', ['--version']);

    // Argument errors and files that cannot be read.
    expect((await run('unknown option', ['send', '--frobnicate'])).code).toBe(2);
    await run('unknown command', ['sned']);
    await run('command not first', ['--csv', 'x']);
    await run('missing option', ['send', '--csv', file, '--sender', 'Butik']);
    await run('option without value', ['send', '--csv']);
    await run('bad number', ['send', '--csv', file, '--message', 'x', '--sender', 'Butik', '--batch-size', '0']);
    await run('bad country', ['import', file, '--country', 'ZZ']);
    await run('missing file', ['import', join(dir, 'nope.csv'), '--data-dir', dir]);
    await run('no outbox yet', ['status', '--data-dir', dir]);
    await run('resolve without outbox', ['resolve', '--campaign', '1', '--resend', '--data-dir', dir]);

    // The import report, with every rejected row; --json is data.
    expect((await run('import', ['import', file, '--data-dir', dir, '--message', 'Hej %Navn%'])).code).toBe(0);
    const importJson = await cli(['import', file, '--data-dir', dir, '--json']);
    expect(jsonLines(importJson.out)).toHaveLength(1);

    // A demo send into refusals and a blocked country, waiting for the reports.
    const demoDir = join(dir, 'demo');
    const sent = await run('demo send', [
      'send',
      '--demo',
      '--data-dir',
      demoDir,
      '--csv',
      file,
      '--message',
      'Hej %Navn%',
      '--sender',
      'Butik',
      '--wait',
    ]);
    expect(sent.code).toBe(4); // two refused by GatewayAPI (blocked number, blocked country)
    await run('status', ['status', '--demo', '--data-dir', demoDir]);
    const statusJson = await cli(['status', '--demo', '--data-dir', demoDir, '--json']);
    expect(jsonLines(statusJson.out)).toHaveLength(6);
    await run('resolve none', ['resolve', '--demo', '--data-dir', demoDir, '--campaign', '1', '--resend']);
    await run('already sent', ['send', '--demo', '--data-dir', demoDir, '--csv', file, '--message', 'Hej', '--sender', 'Butik']);
    await run('nothing to resume', ['resume', '--demo', '--data-dir', demoDir]);

    // Live sending: no token; the confirmation (declined, then no terminal to ask); then waiting
    // (nothing listens on the port) until Ctrl-C.
    const live = join(dir, 'live');
    const url = `http://127.0.0.1:${await closedPort()}`;
    const offline = ['--data-dir', live, '--csv', file, '--message', 'Hej', '--sender', 'Butik', '--base-url', url];
    // "Offline — 6 queued, …" or "GatewayAPI busy — …" as the pseudo-language writes them.
    const waiting = (printed: string) => /Óƒƒĺíñé —|ƀúšý —/.test(printed);
    expect((await run('no token', ['send', ...offline, '--yes'])).code).toBe(3);
    const env = { GATEWAYAPI_TOKEN: 'pseudo-test-token-0123456789' };
    expect((await run('declined', ['send', ...offline], { env, answer: 'n' })).code).toBe(1);
    expect((await run('not asked', ['send', ...offline], { env })).code).toBe(2);
    const waited = await run('waiting, stopped', ['send', ...offline, '--yes'], { env, stopWhen: waiting });
    expect(waiting(waited.all)).toBe(true);
    await run('resume, stopped', ['resume', '--data-dir', live, '--base-url', url], { env, stopWhen: waiting });

    for (const [what, r] of runs) {
      expect(r.all.trim(), what).not.toBe('');
      expect(unwrapped(r.all, data), `${what}:\n${r.all}`).toEqual([]);
    }
  }, 60_000);

  // The Done-when of issue 17 from the command line: a Danish and a Swedish user import a file with bad
  // rows, send into refusals and a blocked country, wait for the reports and read no English word.
  // Option and command names (--campaign, "sms-outbox resume") are what they type, not words.
  const ENGLISH =
    /\b(the|and|with|this|that|was|were|recipients?|delivered|failed|refused|rejected|expired|undeliverable|blacklisted|country|account|campaign|number|queued|submitted|uncertain|pending|credit|paused|GatewayAPI said|invalid|duplicate|missing|row|rows|sent|cost|delivery|awaiting|reports?)\b/i;
  for (const lang of ['da', 'sv'] as const) {
    it(`reads no English word in ${lang}: import with bad rows, a send with refusals, status`, async () => {
      const file = join(dir, 'kunder.csv');
      writeFileSync(file, CSV);
      const demo = join(dir, 'demo');
      const env = { LANG: lang === 'da' ? 'da_DK.UTF-8' : 'sv_SE.UTF-8' };
      const texts: string[] = [];
      const go = async (argv: string[]) => {
        const r = await cliInProcess(argv, { env, demo: DEMO_TIMINGS });
        texts.push(r.out + r.err);
      };
      await go(['import', file, '--data-dir', dir]);
      await go(['send', '--demo', '--data-dir', demo, '--csv', file, '--message', 'Hej %Navn%', '--sender', 'Butik', '--wait']);
      await go(['status', '--demo', '--data-dir', demo]);
      const english = texts
        .join('\n')
        .split('\n')
        .map((l) => l.replace(/--[a-z-]+|"sms-outbox [^"]*"|sms-outbox:?|kunder\.csv|\/\S+/g, ''))
        .filter((l) => ENGLISH.test(l));
      expect(english).toEqual([]);
      // Why each recipient failed is in status --json (data for scripts, its reasons in the user's language).
      await go(['status', '--demo', '--data-dir', demo, '--json']);
      const errors = texts[3]
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { error: string | null }).error)
        .filter((e): e is string => e !== null);
      expect(errors.join('\n')).toMatch(lang === 'da' ? /Kontoen må ikke sende til Island/ : /Kontot får inte skicka till Island/);
      expect(errors.filter((e) => ENGLISH.test(e.replace(/GatewayAPI (skrev|said): .*$/, '')))).toEqual([]);
    });
  }
});
