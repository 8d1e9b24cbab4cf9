#!/usr/bin/env node
// postinstall: builds an Electron-ABI copy of better-sqlite3 into native/electron/, beside (never in
// place of) the Node-ABI build in node_modules that the tests and the CLI load. The app passes the
// copy to better-sqlite3 as `nativeBinding`; electron-builder ships it as an extra resource.
//
// - No Electron binary (ELECTRON_SKIP_BINARY_DOWNLOAD, CI): prints one line, exits 0.
// - Copy up to date (stamp matches Electron version, arch, platform, better-sqlite3 version): no-op.
// - Else: copies node_modules/better-sqlite3 to a temp folder, runs `prebuild-install --runtime
//   electron` there (downloads a prebuilt binary), falling back to `node-gyp rebuild` against
//   Electron's headers, and copies build/Release/better_sqlite3.node to native/electron/.
// A failed build warns and exits 0: aborting `npm install` would be worse, and the app explains at
// start-up what is missing.
//
// Options: --force (rebuild even if up to date); --root <dir> (project folder; used by tests).
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const TAG = 'electron-native:';
const FILE = 'better_sqlite3.node';
const STAMP = 'better_sqlite3.json';

function parseArgs(argv) {
  const opts = { force: false, root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..') };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--force') opts.force = true;
    else if (argv[i] === '--root') opts.root = path.resolve(argv[++i]);
  }
  return opts;
}

/** The Electron executable's path, or null when the package is absent or its binary was skipped. */
function electronBinary(req) {
  try {
    const p = req('electron');
    return typeof p === 'string' && existsSync(p) ? p : null;
  } catch {
    return null; // "Electron failed to install correctly" when the download was skipped
  }
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit', env: process.env });
  if (r.error) console.log(`${TAG} could not run ${path.basename(args[0] ?? cmd)}: ${r.error.message}`);
  return r.status === 0;
}

function resolveTool(req, id, envPath) {
  if (envPath && existsSync(envPath)) return envPath;
  try {
    return req.resolve(id);
  } catch {
    return null;
  }
}

export function main(argv = process.argv.slice(2)) {
  const { force, root } = parseArgs(argv);
  const req = createRequire(path.join(root, 'package.json'));

  if (!electronBinary(req)) {
    console.log(
      `${TAG} no Electron binary installed (ELECTRON_SKIP_BINARY_DOWNLOAD?), so no Electron build of better-sqlite3; tests and the CLI use the Node build.`,
    );
    return 0;
  }

  const electronVersion = readJson(req.resolve('electron/package.json')).version;
  const sqlitePkg = req.resolve('better-sqlite3/package.json');
  const sqliteDir = path.dirname(sqlitePkg);
  const want = {
    electron: electronVersion,
    arch: process.env.npm_config_arch || process.arch,
    platform: process.platform,
    betterSqlite3: readJson(sqlitePkg).version,
  };
  const outDir = path.join(root, 'native', 'electron');
  const stamp = readJson(path.join(outDir, STAMP));
  const current =
    stamp && existsSync(path.join(outDir, FILE)) && Object.keys(want).every((k) => stamp[k] === want[k]);
  if (current && !force) {
    console.log(`${TAG} native/electron/${FILE} is up to date (Electron ${want.electron}, ${want.platform}-${want.arch}).`);
    return 0;
  }

  console.log(`${TAG} building better-sqlite3 ${want.betterSqlite3} for Electron ${want.electron} (${want.platform}-${want.arch})…`);
  const tmp = mkdtempSync(path.join(tmpdir(), 'sms-outbox-native-'));
  try {
    // A copy, so node_modules/better-sqlite3 keeps its Node-ABI build for the tests and the CLI.
    const work = path.join(tmp, 'better-sqlite3');
    const buildDir = path.join(sqliteDir, 'build');
    cpSync(sqliteDir, work, {
      recursive: true,
      filter: (src) => src !== buildDir && !src.startsWith(buildDir + path.sep),
    });

    const sqliteReq = createRequire(sqlitePkg);
    const prebuild = resolveTool(sqliteReq, 'prebuild-install/bin.js') ?? resolveTool(req, 'prebuild-install/bin.js');
    let ok =
      prebuild !== null &&
      run(process.execPath, [prebuild, '--runtime', 'electron', '--target', want.electron, '--arch', want.arch], work);
    if (!ok) {
      console.log(`${TAG} no prebuilt binary; compiling against Electron's headers with node-gyp…`);
      // npm tells scripts where its bundled node-gyp is.
      const gyp = resolveTool(req, 'node-gyp/bin/node-gyp.js', process.env.npm_config_node_gyp);
      ok =
        gyp !== null &&
        run(
          process.execPath,
          [gyp, 'rebuild', '--release', `--target=${want.electron}`, `--arch=${want.arch}`, '--dist-url=https://electronjs.org/headers'],
          work,
        );
    }
    const built = path.join(work, 'build', 'Release', FILE);
    if (!ok || !existsSync(built)) {
      console.log(
        `${TAG} WARNING: could not build better-sqlite3 for Electron ${want.electron}. The app will not start until this works: run \`npm install\` again (needs network access to GitHub or electronjs.org, or a C++ toolchain).`,
      );
      return 0;
    }
    mkdirSync(outDir, { recursive: true });
    // Write then rename, so an interrupted copy never leaves a half file that looks current.
    copyFileSync(built, path.join(outDir, `${FILE}.tmp`));
    renameSync(path.join(outDir, `${FILE}.tmp`), path.join(outDir, FILE));
    writeFileSync(path.join(outDir, STAMP), `${JSON.stringify(want, null, 2)}\n`);
    console.log(`${TAG} wrote native/electron/${FILE}.`);
    return 0;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = main();
}
