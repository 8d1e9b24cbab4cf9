// Runs the BUILT Electron main bundle (out/main/index.js) under plain Node with a fake 'electron'
// module, drives it like Electron would (ready, IPC calls, navigation, quit) and prints a JSON
// report on the last stdout line. Used by ../shell.test.ts; nobody here can launch real Electron.
//
// env: DRIVER_MAIN (path to out/main/index.js), DRIVER_SCENARIO ('normal' | 'locked' | 'abi'),
//      SMS_OUTBOX_DATA_DIR (the data folder the app must use), DRIVER_PACKAGED=1 (app.isPackaged),
//      DRIVER_ARGS (extra command-line arguments, JSON array).
'use strict';
const Module = require('node:module');
const { EventEmitter } = require('node:events');
const childProcess = require('node:child_process');
const path = require('node:path');

const scenario = process.env.DRIVER_SCENARIO || 'normal';
const packaged = process.env.DRIVER_PACKAGED === '1';
process.argv.push(...JSON.parse(process.env.DRIVER_ARGS || '[]'));
const report = { calls: [], windows: [], errors: [], exitCode: null, quitPrevented: 0 };
const log = (what) => report.calls.push(what);

let readyResolve;
const ready = new Promise((r) => (readyResolve = r));
const handlers = new Map();

class FakeApp extends EventEmitter {
  constructor() {
    super();
    this.isPackaged = packaged;
    this.paths = {};
    this.exited = false;
  }
  setPath(name, p) {
    log(`setPath:${name}`);
    this.paths[name] = p;
  }
  getPath(name) {
    return this.paths[name];
  }
  getPreferredSystemLanguages() {
    return ['da-DK', 'en-US'];
  }
  getVersion() {
    return '9.9.9-test';
  }
  enableSandbox() {
    log('enableSandbox');
  }
  requestSingleInstanceLock() {
    log('requestSingleInstanceLock');
    return scenario !== 'locked';
  }
  whenReady() {
    log('whenReady');
    return ready;
  }
  // Like Electron: before-quit may be prevented; otherwise the app exits.
  quit() {
    log('quit');
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (prevented) {
      report.quitPrevented++;
      return;
    }
    this.exit(0);
  }
  exit(code) {
    log(`exit:${code}`);
    if (this.exited) return;
    this.exited = true;
    report.exitCode = code;
    finish();
  }
}
const app = new FakeApp();

let nextId = 1;
class FakeWebContents extends EventEmitter {
  constructor() {
    super();
    this.id = nextId++;
    this.mainFrame = { url: '', processId: 7, routingId: 1, parent: null };
    this.sent = [];
    this.openHandler = null;
  }
  isDestroyed() {
    return false;
  }
  send(...args) {
    this.sent.push(args);
  }
  setWindowOpenHandler(h) {
    this.openHandler = h;
  }
}

class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new FakeWebContents();
    this.state = { shown: 0, focused: 0, restored: 0, maximized: 0 };
    this.loaded = null;
    windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url) {
    this.loaded = url;
    this.webContents.mainFrame.url = url;
    setImmediate(() => this.emit('ready-to-show'));
    return Promise.resolve();
  }
  getNormalBounds() {
    const o = this.options;
    return { x: o.x ?? 100, y: o.y ?? 50, width: o.width, height: o.height };
  }
  isMaximized() {
    return this.state.maximized === 1;
  }
  maximize() {
    this.state.maximized = 1;
  }
  isDestroyed() {
    return false;
  }
  isMinimized() {
    return true;
  }
  restore() {
    this.state.restored++;
  }
  show() {
    this.state.shown++;
  }
  focus() {
    this.state.focused++;
  }
}
const windows = [];

const session = {
  defaultSession: {
    webRequest: { onHeadersReceived: (fn) => (session.headersHook = fn) },
    setPermissionRequestHandler: (fn) => (session.permissionRequest = fn),
    setPermissionCheckHandler: (fn) => (session.permissionCheck = fn),
  },
};

// utilityProcess.fork on child_process.fork: the child gets a process.parentPort (see
// ./utility-process-child.cjs), main gets Electron's UtilityProcess shape (message, exit, kill, stdio).
const coreForks = [];
class FakeUtilityProcess extends EventEmitter {
  constructor(modulePath, args, options) {
    super();
    const pipe = options.stdio === 'pipe';
    this.child = childProcess.fork(modulePath, args, {
      execArgv: ['--require', path.join(__dirname, 'utility-process-child.cjs')],
      env: options.env || process.env,
      stdio: ['ignore', pipe ? 'pipe' : 'inherit', pipe ? 'pipe' : 'inherit', 'ipc'],
      serialization: 'advanced',
    });
    this.pid = this.child.pid;
    this.stdout = this.child.stdout;
    this.stderr = this.child.stderr;
    coreForks.push({ modulePath, options, pid: this.pid });
    this.child.on('message', (msg) => this.emit('message', msg));
    this.child.on('exit', (code, signal) => this.emit('exit', code ?? (signal ? 128 : -1)));
  }
  postMessage(msg) {
    if (this.child.connected) this.child.send(msg);
  }
  kill() {
    return this.child.kill();
  }
}
const utilityProcess = {
  fork: (modulePath, args = [], options = {}) => {
    if (!app.readyFired) throw new Error('utilityProcess.fork can only be called after ready');
    return new FakeUtilityProcess(modulePath, args, options);
  },
};
const isAlive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

// Message boxes are answered at once, unless a test holds the next one (a dialog not yet clicked).
let holdNextBox = null;

const protocolHandlers = new Map();
const display = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };

const fakeElectron = {
  app,
  protocol: {
    registerSchemesAsPrivileged: (schemes) => {
      log('registerSchemesAsPrivileged');
      report.schemes = schemes;
    },
    handle: (scheme, fn) => protocolHandlers.set(scheme, fn),
  },
  Menu: {
    buildFromTemplate: (template) => ({ template }),
    setApplicationMenu: (menu) => (report.menu = menu.template),
  },
  screen: { getPrimaryDisplay: () => display, getAllDisplays: () => [display] },
  shell: { openPath: async () => '' },
  BrowserWindow,
  session,
  ipcMain: {
    handle: (ch, fn) => handlers.set(ch, fn),
    removeHandler: (ch) => handlers.delete(ch),
  },
  dialog: {
    showErrorBox: (title, text) => report.errors.push({ title, text }),
    showMessageBox: async (...args) => {
      report.messageBox = args.at(-1);
      (report.messageBoxes ??= []).push(args.at(-1));
      if (holdNextBox) {
        const held = holdNextBox;
        holdNextBox = null;
        held.shown();
        return held.answer;
      }
      return { response: 0 };
    },
  },
  net: { fetch: (url, init) => fetch(url, init), isOnline: () => true },
  Notification: class {
    static isSupported() {
      return false;
    }
  },
  powerMonitor: new EventEmitter(),
  utilityProcess,
};

const originalLoad = Module._load;
Module._load = function load(request, parent, isMain) {
  if (request === 'electron') return fakeElectron;
  // Never reach a real keychain from a test: behave as if keytar were not installed.
  if (request === 'keytar') throw new Error("Cannot find module 'keytar'");
  if (request === 'better-sqlite3' && scenario === 'abi') {
    return function Database() {
      throw new Error("The module 'better_sqlite3.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 115.");
    };
  }
  return originalLoad.call(this, request, parent, isMain);
};

let finished = false;
function finish() {
  if (finished) return;
  finished = true;
  const win = windows[0];
  report.paths = app.paths;
  report.windows = windows.map((w) => ({ options: w.options, loaded: w.loaded, state: w.state }));
  report.protocols = [...protocolHandlers.keys()];
  report.sent = win ? win.webContents.sent : [];
  report.handlers = [...handlers.keys()];
  report.coreForks = coreForks.map((f) => ({ ...f, aliveAtExit: isAlive(f.pid) }));
  process.stdout.write(`\n${JSON.stringify(report)}\n`);
  process.exit(0);
}

async function main() {
  require(process.env.DRIVER_MAIN);
  if (scenario === 'locked') {
    // The app must have quit at once, without waiting for ready.
    setTimeout(finish, 200);
    return;
  }
  if (report.exitCode !== null) return; // refused to start (packaged with debugging switches)
  app.readyFired = true;
  readyResolve();
  if (scenario === 'abi') return; // the app shows the error box and exits by itself

  // Wait for the window (the core opens first).
  for (let i = 0; i < 200 && windows.length === 0; i++) await new Promise((r) => setTimeout(r, 25));
  const win = windows[0];
  if (!win) {
    report.fatal = 'no window';
    return finish();
  }
  const wc = win.webContents;
  const call = handlers.get('sms-outbox:call');
  const trusted = { sender: { id: wc.id }, senderFrame: wc.mainFrame };
  report.settings = await call(trusted, 'settings.get', {});
  report.tokenSet = await call(trusted, 'token.set', { token: 'abcd-efgh-ijkl-9876' });
  report.badInput = await call(trusted, 'token.set', { token: 'x' });
  report.untrusted = await call({ sender: { id: 999 }, senderFrame: wc.mainFrame }, 'settings.get', {});

  // Security hooks installed on the session and on every webContents.
  report.permission = await new Promise((r) => session.permissionRequest(wc, 'notifications', r, {}));
  report.permissionCheck = session.permissionCheck(wc, 'clipboard-read', 'file://', {});
  // The renderer comes from app://bundle/ through the registered handler, with the CSP header.
  const serve = protocolHandlers.get('app');
  const page = await serve(new Request(wc.mainFrame.url));
  report.page = { status: page.status, csp: page.headers.get('content-security-policy'), html: (await page.text()).slice(0, 4000) };
  const escape = await serve(new Request('app://bundle/..%2fmain%2findex.js'));
  report.escapeStatus = escape.status;
  const nav = (event, url) => {
    let prevented = false;
    wc.emit(event, { url, preventDefault: () => (prevented = true) });
    return prevented;
  };
  report.navigation = {
    evil: nav('will-navigate', 'https://evil.example/'),
    redirect: nav('will-redirect', 'https://evil.example/'),
    otherFile: nav('will-navigate', 'file:///etc/passwd'),
    otherPage: nav('will-navigate', 'app://bundle/other.html'),
    own: nav('will-navigate', wc.mainFrame.url),
  };
  report.windowOpen = wc.openHandler && wc.openHandler({ url: 'https://evil.example/' });
  let webviewPrevented = false;
  wc.emit('will-attach-webview', { preventDefault: () => (webviewPrevented = true) }, {}, {});
  report.webviewPrevented = webviewPrevented;

  // A second launch brings the existing window forward.
  app.emit('second-instance', {}, [], '/');
  report.powerMonitorResume = fakeElectron.powerMonitor.listenerCount('resume');

  // About names the version, the data folder and the log file.
  const help = report.menu && report.menu.find((m) => m.role === 'help');
  const aboutItem = help && help.submenu.find((i) => /^(About|Om) /.test(i.label || ''));
  if (aboutItem) aboutItem.click();
  await new Promise((r) => setImmediate(r));

  report.menuAtStart = report.menu;
  await coreScenario(call, trusted, wc);

  // Closing the window remembers its bounds (Electron sends 'close' to each window on quit).
  win.emit('close', { preventDefault() {} });

  // Quit: the first before-quit is held until the core has closed, then the app exits.
  app.quit();
  report.exitedAtOnce = app.exited;
  setTimeout(() => {
    report.fatal = 'did not exit within 10 s of quit';
    finish();
  }, 10_000).unref();
}

/** The core in its own process: language live, a crash under a waiting call, the restart. */
async function coreScenario(call, trusted, wc) {
  report.corePidBefore = coreForks.at(-1) && coreForks.at(-1).pid;
  // Settings → Language reaches main at once: the menu is rebuilt in Swedish.
  report.languageSet = await call(trusted, 'settings.update', { language: 'sv' });
  for (let i = 0; i < 100 && report.menu[0].label !== 'Arkiv'; i++) await new Promise((r) => setTimeout(r, 20));
  report.menuAfterLanguage = report.menu.map((m) => m.label ?? m.role);
  // A call waiting on main's dialog when the core is killed gets a clear error, not silence.
  let shown;
  const boxShown = new Promise((r) => (shown = r));
  holdNextBox = { shown, answer: new Promise(() => {}) };
  const waiting = call(trusted, 'token.set', { token: 'wxyz-5555-6666-7777' });
  await boxShown;
  report.heldBox = report.messageBoxes.at(-1);
  process.kill(report.corePidBefore, 'SIGKILL');
  report.killedCall = await waiting;
  // A call made while the core starts again waits for it, then works.
  report.afterRestart = await call(trusted, 'outbox.state', {});
  report.corePidAfter = coreForks.at(-1).pid;
  report.sentAfterCrash = wc.sent.filter((s) => s[1] === 'notice').map((s) => s[2]);
}

main().catch((err) => {
  report.fatal = String((err && err.stack) || err);
  finish();
});
