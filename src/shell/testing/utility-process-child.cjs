// Preloaded (--require) into the core's process by the fake utilityProcess.fork of
// electron-shell-driver.cjs: gives it the `process.parentPort` Electron's utility process has (messages
// arrive as `e.data`, answers go out with postMessage), over child_process.fork's channel. The host
// must take this path, not its fork fallback: `process.send` is hidden from it.
'use strict';
const Module = require('node:module');
const { EventEmitter } = require('node:events');

const send = process.send.bind(process);
const parentPort = new EventEmitter();
parentPort.postMessage = (msg) => {
  if (process.connected) send(msg);
};
process.on('message', (data) => parentPort.emit('message', { data }));
process.parentPort = parentPort;
process.send = undefined;

// The same stand-ins as in main: the abi scenario's database module that does not load; and the
// keychain, which the core must never load (it stays in main).
const originalLoad = Module._load;
Module._load = function load(request, parent, isMain) {
  if (request === 'keytar') throw new Error('keytar was loaded in the core process; it must stay in main');
  if (request === 'better-sqlite3' && process.env.DRIVER_SCENARIO === 'abi') {
    return function Database() {
      throw new Error("The module 'better_sqlite3.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 115.");
    };
  }
  return originalLoad.call(this, request, parent, isMain);
};
