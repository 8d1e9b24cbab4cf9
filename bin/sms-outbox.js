#!/usr/bin/env node
// The `sms-outbox` command (package.json "bin"): loads the CLI that `npm run build` puts in out/main.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

const cli = join(__dirname, '..', 'out', 'main', 'cli.js');
if (!existsSync(cli)) {
  process.stderr.write('sms-outbox is not built yet: run `npm run build` (or npm install && npm start) first\n');
  process.exit(1);
}
// Node's compile cache (in the OS temp folder): the CLI loads ~310 modules (zod, undici,
// libphonenumber…) on every run; cached code skips compiling them again (~80 ms CPU a start).
// Node < 22.1 has no such function; failing to cache is never a reason not to start.
try {
  require('node:module').enableCompileCache?.();
} catch {
  // no cache: start as before
}
// import() loads the build whether it is CommonJS or an ES module.
import(pathToFileURL(cli).href).catch((e) => {
  process.stderr.write(`sms-outbox: could not start: ${e && e.message ? e.message.split('\n')[0] : String(e)}\n`);
  process.exit(1);
});
