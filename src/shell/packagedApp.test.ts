// A real electron-builder package, as far as this machine allows: the Linux unpacked app (`--dir`)
// built from this checkout by electron-builder itself, with a stand-in for the Electron binary
// (which cannot be downloaded here) that carries Electron's fuse wire. Proves the fuses are flipped in
// the shipped binary, and that the app's database module is the Node-API prebuild, unpacked from the
// asar, and works.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(path.join(ROOT, 'package.json'));
const asar = require('@electron/asar') as { listPackage(p: string): string[]; extractAll(p: string, dest: string): void };
const { getCurrentFuseWire } = require('@electron/fuses') as { getCurrentFuseWire(p: string): Promise<Record<string, number | string>> };

/** @electron/fuses' sentinel; the wire follows it: version 1, length, then one byte per fuse. */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron's defaults, in wire order: RunAsNode, CookieEncryption, NodeOptions, NodeCliInspect,
// EmbeddedAsarIntegrity, OnlyLoadAppFromAsar, BrowserProcessV8Snapshot, GrantFileProtocolExtraPrivileges.
const FUSES = [
  'runAsNode',
  'cookieEncryption',
  'nodeOptions',
  'nodeCliInspect',
  'asarIntegrity',
  'onlyLoadAppFromAsar',
  'v8Snapshot',
  'fileProtocolPrivileges',
];
const DEFAULT_WIRE = '10110001';

const work = mkdtempSync(path.join(tmpdir(), 'sms-outbox-package-'));
const appDir = path.join(work, 'dist', 'linux-unpacked');
let build: ReturnType<typeof spawnSync>;

beforeAll(async () => {
  if (!existsSync(path.join(ROOT, 'out', 'main', 'index.js'))) throw new Error('out/ is missing: run npm run build first');
  // The Linux icon set electron-builder reads (resources/generated, not committed).
  const { generateIcons } = await import('../../scripts/icons.mjs' as string);
  generateIcons();
  const fake = path.join(work, 'electron-dist');
  mkdirSync(fake, { recursive: true });
  writeFileSync(
    path.join(fake, 'electron'),
    Buffer.concat([
      Buffer.from('#!/bin/sh\n# stand-in for the Electron binary\n'),
      Buffer.from(SENTINEL),
      Buffer.from([1, DEFAULT_WIRE.length]),
      Buffer.from(DEFAULT_WIRE),
    ]),
    { mode: 0o755 },
  );
  writeFileSync(path.join(fake, 'LICENSE'), 'stand-in');
  build = spawnSync(
    process.execPath,
    [
      require.resolve('electron-builder/cli.js'),
      '--linux',
      'dir',
      '--publish',
      'never',
      `-c.electronDist=${fake}`,
      `-c.directories.output=${path.join(work, 'dist')}`,
    ],
    { cwd: ROOT, encoding: 'utf8', timeout: 280_000, env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' } },
  );
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packaged Linux app (electron-builder --dir)', () => {
  it('is built by electron-builder from electron-builder.yml', () => {
    expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
    expect(existsSync(path.join(appDir, 'sms-outbox'))).toBe(true);
  });

  it('has the fuses flipped in its binary', async () => {
    const wire = await getCurrentFuseWire(path.join(appDir, 'sms-outbox'));
    const state = Object.fromEntries(FUSES.map((name, i) => [name, String.fromCharCode(wire[i] as number)]));
    expect(state).toEqual({
      runAsNode: '0',
      cookieEncryption: '1',
      nodeOptions: '0',
      nodeCliInspect: '0',
      asarIntegrity: '1',
      onlyLoadAppFromAsar: '1',
      v8Snapshot: '0',
      fileProtocolPrivileges: '0',
    });
  });

  it('packs the built app and only production code into the asar', () => {
    const files = new Set(asar.listPackage(path.join(appDir, 'resources', 'app.asar')).map((f) => f.split(path.sep).join('/')));
    for (const f of ['/out/main/index.js', '/out/main/coreHost.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/package.json'])
      expect(files.has(f), f).toBe(true);
    const list = [...files];
    expect(list.filter((f) => /^\/node_modules\/(electron|vitest|electron-builder|@doyensec)\//.test(f))).toEqual([]);
    expect(list.filter((f) => /^\/node_modules\/better-sqlite3\/(build|deps|src)\//.test(f))).toEqual([]);
    // Only Linux database binaries in a Linux package.
    expect(list.filter((f) => /prebuilds\/(darwin|win32)-/.test(f))).toEqual([]);
  });

  it('loads its database module from app.asar.unpacked: the Node-API prebuild, which opens a database', () => {
    const unpacked = path.join(
      appDir,
      'resources',
      'app.asar.unpacked',
      'node_modules',
      'better-sqlite3',
      'prebuilds',
      `linux-${process.arch}.node`,
    );
    const shipped = readFileSync(unpacked);
    expect(shipped.toString('latin1')).toContain('napi_register_module_v1');
    expect(shipped.toString('latin1')).not.toMatch(/node_register_module_v\d/);
    expect(shipped.equals(readFileSync(path.join(ROOT, 'node_modules', 'better-sqlite3', 'prebuilds', `linux-${process.arch}.node`)))).toBe(
      true,
    );
    expect(
      existsSync(path.join(appDir, 'resources', 'app.asar.unpacked', 'node_modules', 'keytar', 'build', 'Release', 'keytar.node')),
    ).toBe(true);

    // Unpack the archive as Electron sees it (asar + app.asar.unpacked) and open a database with the
    // packaged better-sqlite3, in a runtime other than the one electron-builder ran in: a child Node.
    const tree = path.join(work, 'app');
    asar.extractAll(path.join(appDir, 'resources', 'app.asar'), tree);
    cpSync(path.join(appDir, 'resources', 'app.asar.unpacked'), tree, { recursive: true });
    const probe = spawnSync(
      process.execPath,
      [
        '-e',
        "const D=require('better-sqlite3');const db=new D(':memory:');process.stdout.write(db.prepare('select sqlite_version() v').get().v)",
      ],
      { cwd: tree, encoding: 'utf8', env: { ...process.env, NODE_PATH: path.join(tree, 'node_modules') } },
    );
    expect(probe.status, probe.stderr).toBe(0);
    expect(probe.stdout).toMatch(/^3\.\d+\.\d+$/);
  });
});
