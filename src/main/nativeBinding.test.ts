// The two-ABI plan: which better-sqlite3 binary Electron loads, and the postinstall script that
// builds the Electron copy without touching node_modules (the Node build the tests use).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ABI_HINT, explainOpenError, sqliteBindingPath } from './nativeBinding';

const SCRIPT = fileURLToPath(new URL('../../scripts/electron-native.mjs', import.meta.url));

describe('sqliteBindingPath', () => {
  const has = (...files: string[]) => (f: string) => files.includes(f);

  it('uses the shipped resource when packaged', () => {
    const file = path.join('/opt/SMS Outbox/resources', 'native', 'better_sqlite3.node');
    expect(sqliteBindingPath({ isPackaged: true, resourcesPath: '/opt/SMS Outbox/resources', repoRoot: '/x', exists: has(file) })).toBe(file);
  });

  it('uses native/electron in a checkout', () => {
    const file = path.join('/repo', 'native', 'electron', 'better_sqlite3.node');
    expect(sqliteBindingPath({ isPackaged: false, resourcesPath: '/r', repoRoot: '/repo', exists: has(file) })).toBe(file);
  });

  it('is undefined when no Electron build exists (better-sqlite3 then loads its own)', () => {
    expect(sqliteBindingPath({ isPackaged: false, resourcesPath: '/r', repoRoot: '/repo', exists: () => false })).toBeUndefined();
  });
});

describe('explainOpenError', () => {
  const abi = new Error(
    "The module '/repo/node_modules/better-sqlite3/build/Release/better_sqlite3.node'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION 115. This version of Node.js requires\nNODE_MODULE_VERSION 145.",
  );

  it('tells a developer to run npm install again when the Node build was loaded', () => {
    expect(explainOpenError(abi, false)).toMatch(new RegExp(`^${ABI_HINT}`));
  });

  it('tells a user to reinstall a broken packaged app', () => {
    expect(explainOpenError(abi, true)).toMatch(/reinstall the app/);
  });

  it('passes other errors through', () => {
    expect(explainOpenError(new Error('disk full'), false)).toBe('disk full');
  });
});

describe('scripts/electron-native.mjs', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  /** A project folder with fake electron, better-sqlite3, prebuild-install and node-gyp packages. */
  function fakeProject(opts: { electronBinary: boolean; electronVersion?: string }) {
    const root = mkdtempSync(path.join(tmpdir(), 'sms-outbox-native-test-'));
    dirs.push(root);
    const write = (rel: string, text: string) => {
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      writeFileSync(path.join(root, rel), text);
    };
    write('package.json', '{"name":"fake"}');
    write('node_modules/electron/package.json', JSON.stringify({ name: 'electron', version: opts.electronVersion ?? '41.7.1' }));
    // Like the real package: exports the binary's path, throwing when the download was skipped.
    write(
      'node_modules/electron/index.js',
      opts.electronBinary
        ? "module.exports = require('path').join(__dirname, 'dist', 'electron');"
        : "throw new Error('Electron failed to install correctly');",
    );
    if (opts.electronBinary) write('node_modules/electron/dist/electron', '');
    write('node_modules/better-sqlite3/package.json', JSON.stringify({ name: 'better-sqlite3', version: '12.11.1' }));
    write('node_modules/better-sqlite3/build/Release/better_sqlite3.node', 'NODE-ABI');
    write('node_modules/better-sqlite3/deps/sqlite3.c', '/* source */');
    // Each fake builder records where it ran and writes a binary naming its arguments.
    const builder = (label: string, failEnv: string) => `
      const fs = require('fs'), path = require('path');
      fs.appendFileSync(${JSON.stringify(path.join(root, 'calls.log'))}, ${JSON.stringify(label)} + ' ' + process.cwd() + ' ' + process.argv.slice(2).join(' ') + '\\n');
      if (process.env.${failEnv} === '1') process.exit(1);
      if (!fs.existsSync('deps/sqlite3.c')) process.exit(2);
      fs.mkdirSync('build/Release', { recursive: true });
      fs.writeFileSync('build/Release/better_sqlite3.node', ${JSON.stringify(label)} + ' ' + process.argv.slice(2).join(' '));`;
    write('node_modules/prebuild-install/package.json', '{"name":"prebuild-install"}');
    write('node_modules/prebuild-install/bin.js', builder('prebuild', 'FAKE_PREBUILD_FAIL'));
    write('node_modules/node-gyp/bin/node-gyp.js', builder('node-gyp', 'FAKE_GYP_FAIL'));
    return root;
  }

  function run(root: string, env: Record<string, string> = {}, args: string[] = []) {
    const r = spawnSync(process.execPath, [SCRIPT, '--root', root, ...args], {
      encoding: 'utf8',
      timeout: 15_000,
      env: { ...process.env, npm_config_node_gyp: '', npm_config_arch: '', ...env },
    });
    const log = existsSync(path.join(root, 'calls.log')) ? readFileSync(path.join(root, 'calls.log'), 'utf8') : '';
    return { status: r.status, stdout: r.stdout, calls: log.trim().split('\n').filter(Boolean) };
  }

  const built = (root: string) => path.join(root, 'native', 'electron', 'better_sqlite3.node');

  it('prints one line and succeeds when the Electron binary is not installed (as in this repo)', () => {
    const r = spawnSync(process.execPath, [SCRIPT], { encoding: 'utf8', timeout: 15_000 });
    expect(r.status).toBe(0);
    // Only meaningful where the binary is missing; with it, the script would build instead.
    if (/no Electron binary/.test(r.stdout)) expect(r.stdout.trim().split('\n')).toHaveLength(1);

    const root = fakeProject({ electronBinary: false });
    const f = run(root);
    expect(f.status).toBe(0);
    expect(f.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^electron-native: no Electron binary installed/)]);
    expect(f.calls).toEqual([]);
    expect(existsSync(path.join(root, 'native'))).toBe(false);
  });

  it('fetches a prebuilt Electron binary in a temp copy and leaves node_modules alone', () => {
    const root = fakeProject({ electronBinary: true });
    const r = run(root);
    expect(r.status).toBe(0);
    expect(r.calls).toHaveLength(1);
    const [label, cwd, ...args] = r.calls[0]!.split(' ');
    expect(label).toBe('prebuild');
    expect(cwd!.startsWith(root)).toBe(false);
    expect(args.join(' ')).toBe(`--runtime electron --target 41.7.1 --arch ${process.arch}`);
    expect(readFileSync(built(root), 'utf8')).toBe(`prebuild --runtime electron --target 41.7.1 --arch ${process.arch}`);
    expect(readFileSync(path.join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'), 'utf8')).toBe('NODE-ABI');
    expect(JSON.parse(readFileSync(path.join(root, 'native/electron/better_sqlite3.json'), 'utf8'))).toMatchObject({
      electron: '41.7.1',
      betterSqlite3: '12.11.1',
    });
    expect(existsSync(cwd!)).toBe(false); // temp copy removed
  });

  it('does nothing when the copy is current, and rebuilds for another Electron version', () => {
    const root = fakeProject({ electronBinary: true });
    run(root);
    const again = run(root);
    expect(again.calls).toHaveLength(1);
    expect(again.stdout).toMatch(/up to date/);

    writeFileSync(path.join(root, 'node_modules/electron/package.json'), JSON.stringify({ name: 'electron', version: '41.8.0' }));
    const upgraded = run(root);
    expect(upgraded.calls).toHaveLength(2);
    expect(readFileSync(built(root), 'utf8')).toContain('--target 41.8.0');
  });

  it('compiles against Electron headers with node-gyp when no prebuilt binary exists', () => {
    const root = fakeProject({ electronBinary: true });
    const r = run(root, { FAKE_PREBUILD_FAIL: '1' });
    expect(r.status).toBe(0);
    expect(r.calls.map((c) => c.split(' ')[0])).toEqual(['prebuild', 'node-gyp']);
    expect(readFileSync(built(root), 'utf8')).toBe(
      `node-gyp rebuild --release --target=41.7.1 --arch=${process.arch} --dist-url=https://electronjs.org/headers`,
    );
  });

  it('warns but does not fail npm install when neither way works', () => {
    const root = fakeProject({ electronBinary: true });
    const r = run(root, { FAKE_PREBUILD_FAIL: '1', FAKE_GYP_FAIL: '1' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/WARNING: could not build better-sqlite3 for Electron 41\.7\.1/);
    expect(existsSync(built(root))).toBe(false);
  });
});
