// The CLI speaks the terminal's language (LC_ALL, LC_MESSAGES, LANG, or --lang): what it says from
// message codes — a file it cannot import, the import report's row problems, why sending waits — is
// never left in English, and in the pseudo-language every such line is wrapped.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryStore } from '../core/secrets/secretStore';
import { countCampaign } from '../shared/campaignCounts';
import { campaignSummary } from '../shared/testing';
import { formatProgress } from './format';
import { cliLanguage, setCliLanguage, takeLangOption } from './language';
import { runCli } from './run';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sms-outbox-cli-lang-'));
});
afterEach(() => {
  setCliLanguage('en');
  rmSync(dir, { recursive: true, force: true });
});

async function cli(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    env,
    stdout: (s) => void (out += s),
    stderr: (s) => void (err += s),
    interactive: false,
    ask: null,
    secrets: () => createMemoryStore(),
    fetch: (input, init) => fetch(input, init),
    signal: new AbortController().signal,
    tickMs: 20,
  });
  return { code, out, err };
}

describe('the CLI language', () => {
  it('follows --lang, else LC_ALL, LC_MESSAGES and LANG in that order, else English', () => {
    expect(cliLanguage(null, { LANG: 'sv_SE.UTF-8' })).toBe('sv');
    expect(cliLanguage(null, { LANG: 'da_DK.UTF-8', LC_ALL: 'nb_NO.UTF-8' })).toBe('nb');
    expect(cliLanguage('da', { LC_ALL: 'sv_SE.UTF-8' })).toBe('da');
    expect(cliLanguage(null, { LANG: 'fr_FR.UTF-8' })).toBe('en');
    expect(takeLangOption(['import', '--lang', 'sv', 'f.csv'])).toEqual(['sv', ['import', 'f.csv']]);
    expect(takeLangOption(['import', '--lang=nb', '--json'])).toEqual(['nb', ['import', '--json']]);
  });

  it('says why a file cannot be imported, and each rejected row, in the terminal language', async () => {
    const file = join(dir, 'kunder.csv');
    writeFileSync(file, 'Navn;Telefon\nSøren;20123450\nOle;abc\nSøren igen;20123450\n');
    const sv = await cli(['import', file, '--data-dir', dir], { LANG: 'sv_SE.UTF-8' });
    expect(sv.code).toBe(0);
    expect(sv.out).toContain('rad 3: Inte ett telefonnummer');
    expect(sv.out).toContain('rad 4: Samma nummer som rad 2 (+4520123450); bara rad 2 behålls');
    writeFileSync(join(dir, 'tom.csv'), '');
    const empty = await cli(['import', join(dir, 'tom.csv'), '--data-dir', dir, '--lang', 'nb']);
    expect(empty.err).toBe('sms-outbox: Filen er tom: det er ingen rader å importere.\n');
    const pseudo = await cli(['import', join(dir, 'tom.csv'), '--data-dir', dir, '--lang', 'pseudo']);
    expect(pseudo.err).toMatch(/^sms-outbox: ⟦[^⟧]+⟧\n$/);
  });

  it('names the true cause while it waits, with the host, what to do and the real next attempt', () => {
    const t = countCampaign(campaignSummary({ total: 50, states: { queued: 50 } }));
    const cause = {
      code: 'net_failed',
      cause: 'dns',
      host: 'gatewayapi.com',
      proxy: null,
      proxyStatus: null,
      detail: 'ENOTFOUND',
      written: 'no',
    } as const;
    setCliLanguage('da');
    expect(formatProgress(t, { phase: 'sending', offline: true, retryInSec: 32, cause })).toContain(
      'Offline — 50 i kø, næste forsøg om 32 s. Kan ikke nå gatewayapi.com: værtsnavnet kunne ikke slås op. Intet blev sendt. Tjek internetforbindelsen og GatewayAPI-adressen.',
    );
    setCliLanguage('pseudo');
    const line = formatProgress(t, { phase: 'sending', offline: true, retryInSec: 32, cause });
    expect(line.split(' · ').at(-1)).toMatch(/^⟦.*⟧$/);
  });
});
