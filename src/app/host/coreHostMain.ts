// The entry point of the outbox core's own process (built to out/main/coreHost.js; the shell starts
// it with utilityProcess.fork, tests and bench/stall with child_process.fork). Wiring only: ./coreHost.
import { runCoreHost } from './coreHost';
import { parentPortOf } from './port';

runCoreHost(parentPortOf(process), {
  // A short delay, so the 'closed' message leaves before the process does.
  exit: (code) => void setTimeout(() => process.exit(code), 50),
});
