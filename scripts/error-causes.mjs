// Preloaded (`node --import`) into Electron's installer by scripts/ensure-electron.mjs. The installer
// prints only err.stack on failure, and a stack leaves out err.cause, where fetch keeps the reason:
// "fetch failed" because of "getaddrinfo ENOTFOUND github.com", a refused connection, a proxy's
// answer, or a certificate that a TLS-inspecting proxy signed. With this, a stack's first line names
// the causes too: "TypeError: fetch failed: getaddrinfo ENOTFOUND github.com".
Error.prepareStackTrace = (error, frames) => {
  let first = String(error);
  for (let cause = error?.cause, depth = 0; cause && depth < 5; cause = cause.cause, depth++) {
    first += `: ${String(cause.message || cause).replace(/\.$/, '')}`;
  }
  return first + frames.map((frame) => `\n    at ${frame}`).join('');
};
