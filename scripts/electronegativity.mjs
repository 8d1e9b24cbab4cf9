#!/usr/bin/env node
// CI gate: Electronegativity over the app's sources; fails on any HIGH or MEDIUM finding that
// SECURITY.md does not accept, line by line, in its "Electronegativity findings we accept" table
// (one row per check and file: `| CHECK_ID | path/to/file.ts | why |`).
//
// Runs the scanner in-process rather than through its CLI: the CLI first downloads translations from
// the internet (1 s timeout), which this machine cannot reach; here that request fails at once and the
// scanner uses its bundled English texts.
// Usage: node scripts/electronegativity.mjs [--input src] [--security SECURITY.md]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const GATED = new Set(['HIGH', 'MEDIUM']);

/** `CHECK_ID file` pairs accepted in SECURITY.md's findings table. */
export function acceptedFindings(markdown) {
  const start = markdown.indexOf('## Electronegativity findings we accept');
  if (start < 0) return new Set();
  const section = markdown.slice(start).split(/\n## /)[0];
  const accepted = new Set();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim().replace(/^`|`$/g, ''));
    // | CHECK | file | why |  → ['', CHECK, file, why, '']
    if (cells.length < 5 || !/^[A-Z0-9_]+$/.test(cells[1]) || !cells[3]) continue;
    accepted.add(`${cells[1]} ${cells[2]}`);
  }
  return accepted;
}

/** Findings at HIGH/MEDIUM that are not accepted. */
export function unacceptedFindings(issues, accepted) {
  return issues.filter((i) => GATED.has(i.severity) && !accepted.has(`${i.id} ${i.file}`));
}

async function scan(input) {
  // No network: make the translation download fail immediately (got is only used for that).
  const Module = require('node:module');
  const load = Module._load;
  Module._load = function (request, parent, isMain) {
    if (request === 'got') return () => Promise.reject(new Error('offline'));
    return load.call(this, request, parent, isMain);
  };
  const quiet = console.log;
  console.log = () => {};
  try {
    const run = require('@doyensec/electronegativity/dist/runner.js');
    const electronVersion = require(path.join(ROOT, 'node_modules', 'electron', 'package.json')).version;
    const result = await run({
      input,
      isRelative: true,
      customScan: [],
      excludeFromScan: [],
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    });
    return {
      errors: result.errors,
      checks: result.globalChecks + result.atomicChecks,
      issues: result.issues.map((i) => ({
        id: i.id,
        severity: i.severity.name,
        confidence: i.confidence.name,
        // Relative to the repository, as SECURITY.md names them; global checks have no file ('N/A').
        file: i.file === 'N/A' ? 'N/A' : path.relative(ROOT, path.resolve(input, i.file)).split(path.sep).join('/'),
        line: i.location.line,
        description: i.description,
      })),
    };
  } finally {
    console.log = quiet;
    Module._load = load;
  }
}

async function main(argv) {
  const opt = (name, dflt) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : dflt;
  };
  const input = path.resolve(ROOT, opt('--input', 'src'));
  const securityFile = path.resolve(ROOT, opt('--security', 'SECURITY.md'));
  const { issues, errors, checks } = await scan(input);
  const fatal = errors.filter((e) => !e.tolerable);
  for (const e of fatal) console.log(`electronegativity: could not parse ${path.relative(ROOT, e.file)}: ${e.message}`);
  const accepted = acceptedFindings(readFileSync(securityFile, 'utf8'));
  const bad = unacceptedFindings(issues, accepted);
  const gated = issues.filter((i) => GATED.has(i.severity));
  console.log(
    `electronegativity: ${checks} checks over ${path.relative(ROOT, input)}/: ${issues.length} findings, ${gated.length} HIGH/MEDIUM, ${gated.length - bad.length} of them accepted in SECURITY.md`,
  );
  for (const i of bad) {
    console.log(`  NOT ACCEPTED ${i.severity} ${i.id} ${i.file}:${i.line} — ${i.description}`);
  }
  if (bad.length > 0 || fatal.length > 0) {
    console.log('electronegativity: fix these, or justify each in SECURITY.md ("Electronegativity findings we accept").');
    return 1;
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2));
}
