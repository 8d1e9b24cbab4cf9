#!/usr/bin/env node
// Before `npm start` and `npm run dev`: make sure the Electron binary is installed, through
// Electron's own installer (node_modules/electron/install.js, the `install-electron` bin).
//
// Electron >= 42 has no postinstall: its binary arrives on the first require('electron') or through
// `install-electron`. electron-vite does neither (it reads node_modules/electron/path.txt itself and
// stops with "Electron uninstall"), so without this step every fresh clone fails to start.
//
// Because the download is Electron's installer (@electron/get), everything Electron documents for it
// keeps working: ELECTRON_MIRROR (or electron_mirror in .npmrc), ELECTRON_CUSTOM_DIR,
// electron_config_cache, electron_use_remote_checksums, force_no_cache. A proxy in HTTPS_PROXY /
// HTTP_PROXY (and NO_PROXY) is used when one is set: that is @electron/get's ELECTRON_GET_USE_PROXY
// switch, turned on here for the installer.
//
// ELECTRON_SKIP_BINARY_DOWNLOAD (set by CI for `npm install`) is not honoured here: `npm start` cannot
// start anything without the binary, so asking for it means wanting the download. Electron's own
// installer ignores the variable too; this script only says that it is set.
//
// On failure it prints one sentence (what failed, and the two ways out) and exits 1: no stack trace.
//
//   node scripts/ensure-electron.mjs            install if missing (silent when installed)
//   node scripts/ensure-electron.mjs --where    print where the zip is looked up in the cache
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const GITHUB = 'https://github.com/electron/electron/releases/download/';

/** node_modules/electron, found without require('electron') (which would start the download itself). */
export function electronPackageDir(root = ROOT) {
  const require = createRequire(path.join(root, 'package.json'));
  return path.dirname(require.resolve('electron/package.json'));
}

/** The executable's path inside dist/, as Electron's installer writes it to path.txt. */
function platformPath(platform) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

/**
 * The installed Electron executable, or null. The same test as Electron's installer (dist/version is
 * this package's version, path.txt names this platform's executable, and the executable exists), so
 * "installed" here means the installer would return at once.
 */
export function installedElectron(dir = electronPackageDir(), env = process.env) {
  const { version } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const platform = env.ELECTRON_INSTALL_PLATFORM || env.npm_config_platform || process.platform;
  try {
    if (
      readFileSync(path.join(dir, 'dist', 'version'), 'utf8')
        .trim()
        .replace(/^v/, '') !== version
    )
      return null;
    if (readFileSync(path.join(dir, 'path.txt'), 'utf8') !== platformPath(platform)) return null;
  } catch {
    return null;
  }
  const exe = path.join(env.ELECTRON_OVERRIDE_DIST_PATH || path.join(dir, 'dist'), platformPath(platform));
  return existsSync(exe) ? exe : null;
}

/** What @electron/get will download, and from where (its mirror variables, in its order). */
export function downloadPlan(dir = electronPackageDir(), env = process.env) {
  const { version } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const platform = env.ELECTRON_INSTALL_PLATFORM || env.npm_config_platform || process.platform;
  const arch = env.ELECTRON_INSTALL_ARCH || env.npm_config_arch || process.arch;
  const base =
    env.npm_config_electron_mirror ||
    env.NPM_CONFIG_ELECTRON_MIRROR ||
    env.npm_package_config_electron_mirror ||
    env.ELECTRON_MIRROR ||
    GITHUB;
  const customDir = (
    env.npm_config_electron_custom_dir ||
    env.NPM_CONFIG_ELECTRON_CUSTOM_DIR ||
    env.npm_package_config_electron_custom_dir ||
    env.ELECTRON_CUSTOM_DIR ||
    `v${version}`
  ).replace('{{ version }}', version);
  const file = `electron-v${version}-${platform}-${arch}.zip`;
  const url = `${base}${customDir}/${file}`;
  const cacheRoot = env.electron_config_cache || defaultCacheRoot(env);
  // @electron/get's Cache: <cache root>/<sha256 of the URL's folder>/<file name>.
  const folder = new URL(url);
  folder.hash = '';
  folder.search = '';
  folder.pathname = path.posix.dirname(folder.pathname);
  const cacheFile = path.join(cacheRoot, createHash('sha256').update(folder.toString()).digest('hex'), file);
  return { version, platform, arch, base, url, file, cacheRoot, cacheFile, mirrored: base !== GITHUB };
}

/** env-paths('electron').cache, which @electron/get uses when electron_config_cache is not set. */
function defaultCacheRoot(env) {
  const home = os.homedir();
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Caches', 'electron');
  if (process.platform === 'win32') return path.join(env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'electron', 'Cache');
  return path.join(env.XDG_CACHE_HOME || path.join(home, '.cache'), 'electron');
}

/** The installer's own error, as one short clause: its first line without the error class. */
export function failureCause(stderr) {
  const line = stderr
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l && !l.startsWith('at '));
  if (!line) return 'the installer stopped without saying why';
  return line.replace(/^[A-Za-z]*Error:\s*/, '').slice(0, 300);
}

function runInstaller(dir, env) {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', pathToFileURL(path.join(ROOT, 'scripts', 'error-causes.mjs')).href, path.join(dir, 'install.js')],
      {
        env,
        stdio: ['ignore', 'inherit', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (err) => resolve({ status: 1, stderr: err.message }));
    child.on('close', (code, signal) => resolve({ status: code ?? (signal ? 1 : 0), stderr }));
  });
}

async function main() {
  const dir = electronPackageDir();
  const plan = downloadPlan(dir);
  if (process.argv.includes('--where')) {
    console.log(plan.cacheFile);
    return 0;
  }
  // electron-vite's own override: an Electron executable chosen by the user.
  if (process.env.ELECTRON_EXEC_PATH) return 0;
  if (installedElectron(dir)) return 0;

  const command = process.env.npm_lifecycle_event === 'dev' ? 'npm run dev' : 'npm start';
  const skipNote = process.env.ELECTRON_SKIP_BINARY_DOWNLOAD
    ? ` (ELECTRON_SKIP_BINARY_DOWNLOAD is set, but ${command} needs the binary, so it is downloaded anyway)`
    : '';
  console.log(
    `Electron's binary is not installed yet: downloading Electron ${plan.version} for ${plan.platform}-${plan.arch} ` +
      `(a zip of about 100 MB, once) from ${plan.base} into ${plan.cacheRoot}${skipNote}…`,
  );
  const env = { ...process.env };
  const proxied = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'].some((k) => env[k]);
  if (proxied && !env.ELECTRON_GET_USE_PROXY) env.ELECTRON_GET_USE_PROXY = '1';
  const started = Date.now();
  const { status, stderr } = await runInstaller(dir, env);
  if (status === 0 && installedElectron(dir)) {
    console.log(`Electron ${plan.version} installed in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    return 0;
  }
  const cause = status === 0 ? 'the installer finished but no Electron executable is in node_modules/electron/dist' : failureCause(stderr);
  console.error(
    `Could not download Electron ${plan.version} for ${plan.platform}-${plan.arch} from ${plan.base} (${cause}): ` +
      `connect this machine to the internet, or set ELECTRON_MIRROR to a mirror of Electron's releases ` +
      `(for example your company's), then run ${command} again.`,
  );
  return 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      console.error(`Could not check or install Electron's binary (${err?.message ?? err}).`);
      process.exit(1);
    },
  );
}
