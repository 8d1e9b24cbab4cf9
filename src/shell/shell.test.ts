// The BUILT Electron main bundle, run under Node with a fake 'electron' (test/electron-shell-driver.cjs):
// proves the wiring nobody here can launch for real: data folder, single-instance lock, window
// security settings, the trusted IPC door to the real core, navigation guards, and a quit that
// waits for the core to close.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP, CSP_META } from '../shared/csp';

const MAIN = fileURLToPath(new URL('../../out/main/index.js', import.meta.url));
const DRIVER = fileURLToPath(new URL('./testing/electron-shell-driver.cjs', import.meta.url));

beforeAll(() => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first`);
});

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

interface DriveOptions {
  packaged?: boolean;
  args?: string[];
  /** Files to put in the data folder before the start. */
  seed?: Record<string, string>;
  /** ELECTRON_RENDERER_URL, as electron-vite dev sets it. */
  devServerUrl?: string;
}

function drive(scenario: 'normal' | 'locked' | 'abi', opts: DriveOptions = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sms-outbox-shell-'));
  dirs.push(dataDir);
  for (const [name, text] of Object.entries(opts.seed ?? {})) writeFileSync(path.join(dataDir, name), text);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DRIVER_MAIN: MAIN,
    DRIVER_SCENARIO: scenario,
    SMS_OUTBOX_DATA_DIR: dataDir,
    DRIVER_PACKAGED: opts.packaged ? '1' : '0',
    DRIVER_ARGS: JSON.stringify(opts.args ?? []),
  };
  // Only `npm run dev` sets a dev server URL.
  delete env.ELECTRON_RENDERER_URL;
  if (opts.devServerUrl) env.ELECTRON_RENDERER_URL = opts.devServerUrl;
  const r = spawnSync(process.execPath, [DRIVER], { encoding: 'utf8', timeout: 30_000, env });
  const last = r.stdout.trim().split('\n').at(-1) ?? '';
  let report: any;
  try {
    report = JSON.parse(last);
  } catch {
    throw new Error(`driver printed no report (status ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  if (report.fatal) throw new Error(`driver: ${report.fatal}\n${r.stderr}`);
  return { report, dataDir };
}

/** One normal run serves the tests that only read its report. */
let normalRun: ReturnType<typeof drive> | undefined;
const normal = () => (normalRun ??= drive('normal'));

describe('Electron main bundle (under a fake electron)', () => {
  it('starts on the shared data folder with a locked-down window and a trusted IPC door', () => {
    const { report, dataDir } = normal();
    const calls: string[] = report.calls;
    // userData is set before the lock (the lock lives in userData) and before ready.
    expect(calls.indexOf('setPath:userData')).toBeLessThan(calls.indexOf('requestSingleInstanceLock'));
    expect(report.paths.userData).toBe(dataDir);
    expect(report.paths.sessionData).toBe(path.join(dataDir, 'chromium'));
    expect(calls).toContain('enableSandbox');
    expect(existsSync(path.join(dataDir, 'outbox.sqlite'))).toBe(true);

    expect(report.windows).toHaveLength(1);
    const win = report.windows[0];
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(win.options.webPreferences.preload).toBe(path.resolve(MAIN, '../../preload/index.cjs'));
    expect(existsSync(win.options.webPreferences.preload)).toBe(true);
    // The renderer comes from the privileged app:// scheme, not file://.
    expect(win.loaded).toBe('app://bundle/index.html');
    expect(report.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(calls.indexOf('registerSchemesAsPrivileged')).toBeLessThan(calls.indexOf('whenReady'));
    expect(report.protocols).toEqual(['app']);

    // The real core answers through the door; the app status shows our folder and version.
    expect(report.settings).toMatchObject({ ok: true, value: { app: { dataDir, mode: 'live', version: '9.9.9-test' } } });
    expect(report.untrusted).toEqual({ ok: false, error: { kind: 'internal', message: 'Untrusted sender' } });
    expect(report.badInput).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
  });

  it('keeps the token for the session when no keychain is available, and says why', () => {
    const { report } = normal();
    expect(report.tokenSet).toMatchObject({
      ok: true,
      value: { app: { token: { set: true, savedAt: expect.any(Number) }, keychain: { ok: false } } },
    });
    // Stored only after main's own native dialog asked about it (no character of it shown anywhere).
    // In the OS language (the driver's system prefers Danish).
    expect(report.messageBoxes[0]).toMatchObject({ message: 'Gem denne GatewayAPI-nøgle?', defaultId: 1, cancelId: 1 });
    expect(JSON.stringify(report)).not.toContain('9876');
    expect(report.tokenSet.value.app.token).not.toHaveProperty('hint');
    // Why, as a code the window says in its language (keytar cannot load under the fake electron).
    expect(report.tokenSet.value.app.keychain.problem).toMatchObject({ code: 'keychain_problem', kind: 'keytar_missing' });
    expect(JSON.stringify(report)).not.toContain('abcd-efgh-ijkl-9876');
  });

  it('denies permissions, navigation, new windows and webviews; serves the page with the CSP header', () => {
    const { report } = normal();
    expect(report.permission).toBe(false);
    expect(report.permissionCheck).toBe(false);
    expect(report.page.status).toBe(200);
    expect(report.page.csp).toBe(CSP);
    // The built page carries the same policy (less frame-ancestors, which a meta tag cannot carry).
    expect(report.page.html).toContain(`<meta http-equiv="Content-Security-Policy" content="${CSP_META}" />`);
    expect(report.page.html).not.toContain('unsafe-inline');
    expect(report.escapeStatus).toBe(403);
    expect(report.navigation).toEqual({ evil: true, redirect: true, otherFile: true, otherPage: true, own: false });
    expect(report.windowOpen).toEqual({ action: 'deny' });
    expect(report.webviewPrevented).toBe(true);
  });

  it('brings the window forward on a second launch and wakes the core on resume', () => {
    const { report } = normal();
    expect(report.windows[0].state).toMatchObject({ restored: 1, focused: 1 });
    expect(report.powerMonitorResume).toBe(1);
  });

  it("runs the core in its own process through utilityProcess.fork: answers, main's dialog, a crash, a restart, the language live", () => {
    const { report } = normal();
    // One process per start, from the built host, named for the OS's task manager, output piped to the log.
    expect(report.coreForks).toHaveLength(2);
    expect(report.coreForks[0]).toMatchObject({
      modulePath: path.join(path.dirname(MAIN), 'coreHost.js'),
      options: { serviceName: 'SMS Outbox core', stdio: 'pipe' },
    });
    expect(report.corePidBefore).toBe(report.coreForks[0].pid);
    // The window's calls were answered by the child (settings, with the folder it opened).
    expect(report.settings.ok).toBe(true);
    // Settings → Language reaches main at once: the menu and main's next dialog are in Swedish.
    expect(report.languageSet).toMatchObject({ ok: true, value: { settings: { language: 'sv' } } });
    expect(report.menuAfterLanguage.slice(0, 2)).toEqual(['Arkiv', 'Redigera']);
    expect(report.heldBox).toMatchObject({ buttons: [expect.any(String), 'Avbryt'] });
    // Killed while a call waited on that dialog: the call gets a clear error in the user's words.
    expect(report.killedCall).toEqual({
      ok: false,
      error: { kind: 'internal', message: expect.stringMatching(/background process stopped/), text: { code: 'core_stopped' } },
    });
    // The window is told, the core starts again, takes the folder over, and calls work.
    expect(report.sentAfterCrash).toContainEqual(
      expect.objectContaining({ key: 'core-stopped', level: 'error', text: { code: 'core_stopped' } }),
    );
    expect(report.corePidAfter).toBe(report.coreForks[1].pid);
    expect(report.corePidAfter).not.toBe(report.corePidBefore);
    expect(report.afterRestart).toMatchObject({ ok: true, value: { heldElsewhere: false } });
  });

  it("quit closes the core (no process left behind); its log records reach main's log file", () => {
    const { report, dataDir } = normal();
    expect(report.coreForks.map((f: { aliveAtExit: boolean }) => f.aliveAtExit)).toEqual([false, false]);
    const log = readFileSync(path.join(dataDir, 'sms-outbox.log'), 'utf8');
    expect(log).toMatch(/ERROR the outbox core stopped unexpectedly; starting it again \{"code":/);
    expect(log).not.toContain('keytar was loaded in the core process');
    expect(log).not.toContain('wxyz-5555');
  });

  it('holds the first quit until the core has closed, then exits', () => {
    const { report } = normal();
    expect(report.exitedAtOnce).toBe(false);
    expect(report.quitPrevented).toBe(1);
    expect(report.exitCode).toBe(0);
    // quit → prevented → close → quit again → exit
    expect(report.calls.slice(-3)).toEqual(['quit', 'quit', 'exit:0']);
  });

  it('a development run keeps DevTools and a View menu; the window is remembered on close', () => {
    const { report, dataDir } = normal();
    expect(report.windows[0].options.webPreferences.devTools).toBe(true);
    expect(JSON.stringify(report.menu)).toContain('toggleDevTools');
    const state = JSON.parse(readFileSync(path.join(dataDir, 'window-state.json'), 'utf8'));
    expect(state).toEqual({ bounds: { x: 100, y: 50, width: 1200, height: 800 }, maximized: false });
  });

  it('writes a log file in the data folder, without the token; About names it', () => {
    const { report, dataDir } = normal();
    const log = readFileSync(path.join(dataDir, 'sms-outbox.log'), 'utf8');
    expect(log).toMatch(/INFO starting \{"version":"9\.9\.9-test"/);
    expect(log).not.toContain('abcd-efgh');
    // The fake OS speaks Danish (da-DK first), so main's own texts do too.
    expect(report.messageBoxes.find((b: { message: string }) => b.message === 'SMS Outbox 9.9.9-test')).toMatchObject({
      detail: `Datamappe: ${dataDir}\nLogfil: ${path.join(dataDir, 'sms-outbox.log')}`,
    });
  });

  it('packaged: no DevTools, no View menu, and the saved window bounds are reused', () => {
    const seed = { 'window-state.json': JSON.stringify({ bounds: { x: 300, y: 200, width: 1000, height: 700 }, maximized: true }) };
    const { report } = drive('normal', { packaged: true, seed });
    const win = report.windows[0];
    expect(win.options.webPreferences.devTools).toBe(false);
    expect(JSON.stringify(report.menu)).not.toMatch(/toggleDevTools|"reload"/);
    // As it opened (the OS's Danish; the run then switches Settings to Swedish).
    expect(report.menuAtStart.map((m: { label?: string; role?: string }) => m.label ?? m.role)).toEqual([
      'Filer',
      'Rediger',
      'Vindue',
      'Hjælp',
    ]);
    expect(win.options).toMatchObject({ x: 300, y: 200, width: 1000, height: 700 });
    expect(win.state.maximized).toBe(1);
  });

  it('npm run dev: the window shows the dev server, which alone may call main; a packaged app ignores it', () => {
    const dev = drive('normal', { devServerUrl: 'http://localhost:5173/' }).report;
    expect(dev.windows[0].loaded).toBe('http://localhost:5173/');
    expect(dev.settings).toMatchObject({ ok: true });
    expect(dev.navigation.own).toBe(false);
    const packaged = drive('normal', { packaged: true, devServerUrl: 'http://localhost:5173/' }).report;
    expect(packaged.windows[0].loaded).toBe('app://bundle/index.html');
  });

  it('packaged: refuses to start with a debugging switch, before opening anything', () => {
    const { report, dataDir } = drive('normal', { packaged: true, args: ['--remote-debugging-port=9222'] });
    expect(report.exitCode).toBe(1);
    expect(report.calls).not.toContain('whenReady');
    expect(report.windows).toHaveLength(0);
    expect(existsSync(path.join(dataDir, 'outbox.sqlite'))).toBe(false);
    expect(readFileSync(path.join(dataDir, 'sms-outbox.log'), 'utf8')).toContain('--remote-debugging-port');
  });

  it('a development run accepts the same switch (developers debug with it)', () => {
    const { report } = drive('normal', { args: ['--inspect=9229'] });
    expect(report.windows).toHaveLength(1);
    expect(report.exitCode).toBe(0);
  });

  it('quits at once when another instance holds the data folder', () => {
    const { report, dataDir } = drive('locked');
    expect(report.calls).toContain('quit');
    expect(report.calls).not.toContain('whenReady');
    expect(report.windows).toHaveLength(0);
    expect(existsSync(path.join(dataDir, 'outbox.sqlite'))).toBe(false);
  });

  it('explains a database module that does not load, then exits', () => {
    const { report } = drive('abi');
    expect(report.errors).toEqual([
      {
        // The title follows the OS language (Danish here); the hint is for whoever runs npm install.
        title: 'SMS Outbox kunne ikke starte',
        text: expect.stringMatching(/^The database module \(better-sqlite3\) does not load on this machine: run npm install again/),
      },
    ]);
    expect(report.exitCode).toBe(1);
    expect(report.windows).toHaveLength(0);
  });
});
