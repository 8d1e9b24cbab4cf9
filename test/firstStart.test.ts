// The first start on a fresh clone, as a new user has it: `npm start` and `npm run dev` in a copy of
// this checkout whose node_modules/electron has no binary (Electron >= 42 has no postinstall, and
// electron-vite never downloads it). A local server laid out like Electron's release mirror serves a
// stand-in release whose `electron` is a shell script that records how it was launched and exits
// with the status it is told. Proves: the first start downloads the release once through Electron's
// own installer (ELECTRON_MIRROR, electron_use_remote_checksums, electron_config_cache honoured),
// launches it on the built app and exits with its status; the next start downloads nothing; without
// internet access (a proxy that reaches nothing) or with an unreachable mirror the user reads one
// clear sentence and no stack trace; and e2e/electron.spec.ts skips without the binary and uses it
// once it is there.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort, copyProject, run, standInRelease, startDeadProxy, startMirror, type Mirror, type Ran } from './firstStartMirror';

const ROOT = path.resolve(__dirname, '..');
const VERSION: string = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
const ZIP = `electron-v${VERSION}-${process.platform}-${process.arch}.zip`;
// The stand-in is a shell script: no Windows .exe.
const SKIP = process.platform === 'win32' ? 'the stand-in Electron is a shell script, and Windows runs only electron.exe' : '';
if (SKIP) console.log(`firstStart.test.ts: skipped: ${SKIP}`);

const SENTENCE = new RegExp(
  `^Could not download Electron ${VERSION.replace(/\./g, '\\.')} for ${process.platform}-${process.arch} from \\S+ \\(.+\\): ` +
    `connect this machine to the internet, or set ELECTRON_MIRROR to a mirror of Electron's releases .*, then run npm (start|run dev) again\\.$`,
  'm',
);
const STACK_LINE = /^\s+at /m;

let work: string;
let app: string;
let mirror: Mirror;

/** The environment of a new user's shell: none of this machine's Electron, proxy or npm settings. */
function userEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(electron_|npm_config_electron|npm_package_|npm_lifecycle_|init_cwd$)|_proxy$/i.test(k)) continue;
    // What vitest sets for its own workers.
    if (/^(VITEST|NODE_ENV$|TEST$|MODE$|DEV$|PROD$|SSR$|BASE_URL$)/.test(k)) continue;
    env[k] = v;
  }
  return { ...env, ELECTRON_GET_NO_PROGRESS: '1', npm_config_update_notifier: 'false', ...extra };
}

function installed(): boolean {
  return existsSync(path.join(app, 'node_modules', 'electron', 'path.txt'));
}

function uninstall(): void {
  rmSync(path.join(app, 'node_modules', 'electron', 'dist'), { recursive: true, force: true });
  rmSync(path.join(app, 'node_modules', 'electron', 'path.txt'), { force: true });
}

/** The stand-in's launches, from its record file: one { cwd, renderer, args } per start. */
function launches(record: string): { cwd: string; renderer: string; args: string[] }[] {
  if (!existsSync(record)) return [];
  return readFileSync(record, 'utf8')
    .split('launch\n')
    .filter(Boolean)
    .map((block) => {
      const lines = block.split('\n').filter(Boolean);
      const value = (key: string) => lines.find((l) => l.startsWith(`${key}=`))?.slice(key.length + 1) ?? '';
      return { cwd: value('cwd'), renderer: value('renderer'), args: lines.filter((l) => l.startsWith('arg=')).map((l) => l.slice(4)) };
    });
}

function freshCache(name: string): string {
  const dir = path.join(work, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

function expectClearFailure(ran: Ran, command: 'start' | 'run dev'): void {
  expect(ran.status, ran.output).not.toBe(0);
  expect(ran.stderr).toMatch(SENTENCE);
  expect(ran.stderr).toContain(`then run npm ${command} again.`);
  expect(ran.output).not.toMatch(STACK_LINE);
  expect(ran.output).not.toContain('Electron uninstall');
  expect(installed()).toBe(false);
}

beforeAll(async () => {
  if (SKIP) return;
  // Under the project's ignored .tmp/: same file system as node_modules, so it can be hard-linked.
  mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
  work = mkdtempSync(path.join(ROOT, '.tmp', 'first-start-'));
  app = path.join(work, 'app');
  await copyProject(ROOT, app);
  mirror = await startMirror(VERSION, ZIP, standInRelease(VERSION, process.platform));
}, 60_000);

afterAll(async () => {
  await mirror?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe.skipIf(SKIP)('the first start on a fresh clone', () => {
  it('e2e/electron.spec.ts skips with its reason while no binary is installed', async () => {
    expect(installed()).toBe(false);
    const ran = await run('npx', ['playwright', 'test', 'e2e/electron.spec.ts'], app, userEnv({}), 60_000);
    expect(ran.status, ran.output).toBe(0);
    expect(ran.output).toContain('electron.spec.ts: skipped: Electron binary not installed');
    expect(ran.output).toMatch(/1 skipped/);
  }, 90_000);

  it('without internet access (a proxy that reaches nothing), npm start says so in one sentence', async () => {
    const proxy = await startDeadProxy();
    try {
      const ran = await run(
        'npm',
        ['start'],
        app,
        userEnv({ HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url, electron_config_cache: freshCache('cache-offline') }),
      );
      expectClearFailure(ran, 'start');
      // Electron's own download address, asked for through the proxy the user set.
      expect(ran.stderr).toContain('from https://github.com/electron/electron/releases/download/ (');
      expect(proxy.requests).toEqual(['CONNECT github.com:443 HTTP/1.1']);
    } finally {
      await proxy.close();
    }
  }, 60_000);

  it('with an unreachable mirror, npm start and npm run dev say so in one sentence', async () => {
    const dead = `http://127.0.0.1:${await closedPort()}/`;
    const env = userEnv({ ELECTRON_MIRROR: dead, electron_config_cache: freshCache('cache-dead') });
    const start = await run('npm', ['start'], app, env);
    expectClearFailure(start, 'start');
    expect(start.stderr).toContain(`from ${dead} (fetch failed: connect ECONNREFUSED`);
    const dev = await run('npm', ['run', 'dev'], app, env);
    expectClearFailure(dev, 'run dev');
  }, 60_000);

  it('npm start downloads the release once, launches it on the built app and exits with its status', async () => {
    const record = path.join(work, 'start-0.txt');
    const cache = freshCache('cache');
    const env = userEnv({
      ELECTRON_MIRROR: mirror.url,
      electron_use_remote_checksums: '1',
      electron_config_cache: cache,
      // As CI and `npm install` on this machine have it: an explicit start downloads all the same.
      ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
      STANDIN_RECORD: record,
      STANDIN_STATUS: '0',
    });
    const before = mirror.requests.length;
    const ran = await run('npm', ['start'], app, env);
    expect(ran.status, ran.output).toBe(0);
    expect(ran.output).toContain(`downloading Electron ${VERSION} for ${process.platform}-${process.arch}`);
    expect(ran.output).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD is set, but npm start needs the binary');
    expect(mirror.requests.slice(before).sort()).toEqual([`/v${VERSION}/${ZIP}`, `/v${VERSION}/SHASUMS256.txt`].sort());
    // Launched once, by electron-vite preview, on the app folder it had just built.
    expect(launches(record)).toEqual([{ cwd: app, renderer: '', args: ['.'] }]);
    expect(existsSync(path.join(app, 'out', 'main', 'index.js'))).toBe(true);
    expect(installed()).toBe(true);
    // The zip stayed in @electron/get's cache (<cache>/<sha256 of the release folder's URL>/<zip>),
    // where `ensure-electron.mjs --where` and the README say to put one by hand.
    const cached = path.join(cache, createHash('sha256').update(`${mirror.url}v${VERSION}`).digest('hex'), ZIP);
    expect(existsSync(cached)).toBe(true);
    const where = await run(process.execPath, ['scripts/ensure-electron.mjs', '--where'], app, env);
    expect(where.stdout.trim()).toBe(cached);
  }, 90_000);

  it('a second npm start downloads nothing and passes on a non-zero status', async () => {
    const record = path.join(work, 'start-7.txt');
    const before = mirror.requests.length;
    const ran = await run('npm', ['start'], app, userEnv({ ELECTRON_MIRROR: mirror.url, STANDIN_RECORD: record, STANDIN_STATUS: '7' }));
    expect(ran.status, ran.output).toBe(7);
    expect(ran.output).not.toContain('downloading Electron');
    expect(mirror.requests.length).toBe(before);
    expect(launches(record)).toEqual([{ cwd: app, renderer: '', args: ['.'] }]);
  }, 90_000);

  it('e2e/electron.spec.ts uses the installed binary', async () => {
    const record = path.join(work, 'playwright.txt');
    // The stand-in exits at once, so Playwright's launch fails after starting it: what counts is that
    // the spec found the binary and launched it on the built app.
    const ran = await run('npx', ['playwright', 'test', 'e2e/electron.spec.ts'], app, userEnv({ STANDIN_RECORD: record }), 60_000);
    expect(ran.output).not.toContain('electron.spec.ts: skipped');
    const [launch, ...more] = launches(record);
    expect(more).toEqual([]);
    expect(launch.args).toContain(path.join(app, 'out', 'main', 'index.js'));
    expect(launch.args).toContain('--remote-debugging-port=0');
  }, 90_000);

  it('the first npm run dev downloads the release, launches it on the dev server, and stops when it exits', async () => {
    uninstall();
    const record = path.join(work, 'dev.txt');
    const before = mirror.requests.length;
    const env = userEnv({
      ELECTRON_MIRROR: mirror.url,
      electron_use_remote_checksums: '1',
      electron_config_cache: freshCache('cache-dev'),
      STANDIN_RECORD: record,
      STANDIN_STATUS: '3',
    });
    // electron-vite dev --watch exits with Electron's status when Electron exits (as when the window is
    // closed); the bound only guards against a dev server left running.
    const ran = await run('npm', ['run', 'dev'], app, env, 60_000);
    expect(ran.timedOut, ran.output).toBe(false);
    expect(ran.status, ran.output).toBe(3);
    expect(mirror.requests.slice(before).sort()).toEqual([`/v${VERSION}/${ZIP}`, `/v${VERSION}/SHASUMS256.txt`].sort());
    const [launch, ...more] = launches(record);
    expect(more).toEqual([]);
    expect(launch.cwd).toBe(app);
    expect(launch.args).toEqual(['.']);
    // The window would load the renderer from Vite's dev server.
    expect(launch.renderer).toMatch(/^http:\/\/(localhost|127\.0\.0\.1|\[::1\]):\d+\/?$/);
  }, 90_000);
});
