// The Electronegativity gate (scripts/electronegativity.mjs): a HIGH or MEDIUM finding fails CI
// unless SECURITY.md accepts that check for that file, one table row each.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCRIPT = path.join(ROOT, 'scripts', 'electronegativity.mjs');
const gate = await import('../../scripts/electronegativity.mjs' as string);

describe('acceptedFindings / unacceptedFindings', () => {
  const md = [
    '# Security',
    '## Electronegativity findings we accept',
    '| Check | File | Why |',
    '|-------|------|-----|',
    '| PRELOAD_JS_CHECK | src/shell/window.ts | reviewed |',
    '| CSP_GLOBAL_CHECK | N/A | header from the handler |',
    '| NODE_INTEGRATION_JS_CHECK | src/shell/window.ts |  |',
    '## Next section',
    '| AUXCLICK_JS_CHECK | src/shell/window.ts | not in the section |',
  ].join('\n');

  it('reads one check and file per row, only from its own section, and only rows with a reason', () => {
    expect([...gate.acceptedFindings(md)].sort()).toEqual(['CSP_GLOBAL_CHECK N/A', 'PRELOAD_JS_CHECK src/shell/window.ts']);
  });

  it('lets accepted and LOW findings through; anything else at HIGH or MEDIUM fails', () => {
    const issues = [
      { id: 'PRELOAD_JS_CHECK', severity: 'MEDIUM', file: 'src/shell/window.ts' },
      { id: 'PRELOAD_JS_CHECK', severity: 'MEDIUM', file: 'src/shell/other.ts' },
      { id: 'AUXCLICK_JS_CHECK', severity: 'MEDIUM', file: 'src/shell/window.ts' },
      { id: 'NODE_INTEGRATION_JS_CHECK', severity: 'HIGH', file: 'src/shell/window.ts' },
      { id: 'SOMETHING', severity: 'LOW', file: 'src/x.ts' },
    ];
    expect(
      gate.unacceptedFindings(issues, gate.acceptedFindings(md)).map((i: { id: string; file: string }) => `${i.id} ${i.file}`),
    ).toEqual([
      'PRELOAD_JS_CHECK src/shell/other.ts',
      'AUXCLICK_JS_CHECK src/shell/window.ts',
      'NODE_INTEGRATION_JS_CHECK src/shell/window.ts',
    ]);
  });
});

describe('the gate over real sources', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sms-outbox-eneg-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fails on a window without context isolation, naming the check, the file and the line', () => {
    mkdirSync(path.join(dir, 'src'));
    writeFileSync(
      path.join(dir, 'src', 'bad.ts'),
      "import { BrowserWindow } from 'electron';\nexport const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });\n",
    );
    const security = path.join(dir, 'SECURITY.md');
    writeFileSync(security, readFileSync(path.join(ROOT, 'SECURITY.md'), 'utf8'));
    const r = spawnSync(process.execPath, [SCRIPT, '--input', path.join(dir, 'src'), '--security', security], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toMatch(/NOT ACCEPTED HIGH CONTEXT_ISOLATION_JS_CHECK \S*src\/bad\.ts:2 /);
    expect(r.stdout).toMatch(/NOT ACCEPTED MEDIUM SANDBOX_JS_CHECK \S*src\/bad\.ts:2 /);
  });
});
