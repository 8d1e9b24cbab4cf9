#!/usr/bin/env node
// Before the browser tests: use Debian's /usr/bin/chromium when present (CI, where Playwright's own
// download is unreachable); otherwise make sure Playwright's Chromium is installed (users' machines).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { chromium } from 'playwright-core';

if (existsSync('/usr/bin/chromium')) process.exit(0);
let path = '';
try {
  path = chromium.executablePath();
} catch {
  // no browser registry yet
}
if (path && existsSync(path)) process.exit(0);
console.log("No Chromium found for the browser tests: installing Playwright's (once, ~150 MB).");
const r = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit', shell: process.platform === 'win32' });
if (r.status !== 0) {
  console.error(
    'Could not install Chromium for the browser tests. Install it with "npx playwright install chromium", ' +
      'or on Debian/Ubuntu "sudo apt-get install chromium".',
  );
  process.exit(r.status ?? 1);
}
