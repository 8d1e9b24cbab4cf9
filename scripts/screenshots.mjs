#!/usr/bin/env node
// `npm run screenshots`: refreshes docs/screenshots/ (the README's pictures) on purpose. The e2e run
// (e2e/views.spec.ts) writes its screenshots to test-results/screenshots/, which git ignores, so
// `npm test` never changes the checkout; this runs that spec alone and copies what it wrote.
// Expects a build (npm run screenshots builds first).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FROM = path.join(ROOT, 'test-results', 'screenshots');
const TO = path.join(ROOT, 'docs', 'screenshots');

// Only this run's pictures: never copy one a failed or older run left behind.
rmSync(FROM, { recursive: true, force: true });
const bin = path.join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'playwright.cmd' : 'playwright');
const run = spawnSync(bin, ['test', 'e2e/views.spec.ts'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
if (run.status !== 0) {
  console.error('screenshots: e2e/views.spec.ts failed, so docs/screenshots/ was left as it was.');
  process.exit(run.status ?? 1);
}
const shots = existsSync(FROM) ? readdirSync(FROM).filter((f) => f.endsWith('.png')) : [];
if (shots.length === 0) {
  console.error(`screenshots: the spec passed but wrote nothing to ${path.relative(ROOT, FROM)}.`);
  process.exit(1);
}
mkdirSync(TO, { recursive: true });
for (const f of shots) copyFileSync(path.join(FROM, f), path.join(TO, f));
console.log(
  `screenshots: ${shots.length} written to docs/screenshots/; git keeps the ones the README shows (see .gitignore), so review ` +
    '`git status docs/screenshots` and commit them if they should change.',
);
