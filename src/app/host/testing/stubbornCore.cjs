// A stand-in core for coreClient.test.ts: says it is ready, answers nothing and ignores "close", as a
// core stuck in a long write would. The client must kill it after its close timeout.
'use strict';
process.on('message', (msg) => {
  if (msg && msg.t === 'init') process.send({ t: 'ready', pid: process.pid });
});
// Stay alive (and ignore a lost parent) until killed.
process.on('disconnect', () => {});
setInterval(() => {}, 1000);
