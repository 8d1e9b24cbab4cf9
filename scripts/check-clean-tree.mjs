#!/usr/bin/env node
// `npm test` must leave the checkout as it found it: no file git tracks rewritten, no new file that
// git does not ignore. The first step of `npm test` takes a snapshot (`start`), the last compares
// (`end`). The snapshot is `git status` plus a hash of every file it lists, so a developer's own
// uncommitted changes are fine, and a test that rewrites one of those files is still caught.
//
//   node scripts/check-clean-tree.mjs start|end
//
// Outside a git checkout (a tarball, no git installed) it says so and passes.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// .tmp/ is ignored by git, so the snapshot does not show up in what it describes.
const SNAPSHOT = path.join(ROOT, '.tmp', 'clean-tree-snapshot.json');

/** path → "<status> <sha256 of the file, or 'missing'>" for every entry of `git status`, or null without git. */
export function treeState(root = ROOT) {
  const git = spawnSync('git', ['status', '--porcelain=v1', '-z', '--untracked-files=all'], { cwd: root, encoding: 'utf8' });
  if (git.error || git.status !== 0) return null;
  const state = {};
  const fields = git.stdout.split('\0');
  for (let i = 0; i < fields.length; i++) {
    const entry = fields[i];
    if (!entry) continue;
    const status = entry.slice(0, 2);
    const file = entry.slice(3);
    // A rename or copy is followed by its source path.
    if (status.includes('R') || status.includes('C')) i++;
    state[file] = `${status} ${hashOf(path.join(root, file))}`;
  }
  return state;
}

function hashOf(file) {
  try {
    if (!statSync(file).isFile()) return 'not-a-file';
    return createHash('sha256').update(readFileSync(file)).digest('hex');
  } catch {
    return 'missing';
  }
}

/** The paths whose status or content differ between two states. */
export function changedPaths(before, after) {
  const paths = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...paths].filter((p) => before[p] !== after[p]).sort();
}

function main() {
  const mode = process.argv[2];
  if (mode !== 'start' && mode !== 'end') {
    console.error('usage: node scripts/check-clean-tree.mjs start|end');
    return 2;
  }
  const now = treeState();
  if (!now) {
    console.log('check-clean-tree: not a git checkout (or no git): skipped.');
    if (mode === 'end') rmSync(SNAPSHOT, { force: true });
    return 0;
  }
  if (mode === 'start') {
    mkdirSync(path.dirname(SNAPSHOT), { recursive: true });
    writeFileSync(SNAPSHOT, JSON.stringify(now, null, 1));
    return 0;
  }
  let before;
  try {
    before = JSON.parse(readFileSync(SNAPSHOT, 'utf8'));
  } catch {
    console.error(
      `check-clean-tree: no snapshot from the start of this run (${path.relative(ROOT, SNAPSHOT)}): run it as part of npm test.`,
    );
    return 2;
  }
  rmSync(SNAPSHOT, { force: true });
  const changed = changedPaths(before, now);
  if (changed.length === 0) {
    console.log('check-clean-tree: npm test left the checkout as it found it.');
    return 0;
  }
  console.error(
    `check-clean-tree: npm test changed ${changed.length} path(s) that git sees (write test output under an ignored folder ` +
      'such as test-results/; if you edited these files yourself during the run, run npm test again):',
  );
  for (const p of changed) console.error(`  ${now[p]?.slice(0, 2) ?? 'gone'}  ${p}`);
  return 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exit(main());
