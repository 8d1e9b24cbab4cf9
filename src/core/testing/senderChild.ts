// A sender in its own process, for crash tests: `node --import tsx senderChild.ts <dataDir> <baseUrl> <token>`.
// It prints "started <epoch>" once it holds the lease, then sends until killed.
import { Engine } from '../engine';
import { GatewayClient } from '../gateway/client';

function main(): void {
  const [dataDir, baseUrl, token] = process.argv.slice(2);
  if (!dataDir || !baseUrl || !token) {
    console.error('usage: senderChild <dataDir> <baseUrl> <token>');
    process.exit(2);
  }
  const engine = new Engine({
    dataDir,
    leaseCheckMs: 100,
    gateway: async () => new GatewayClient({ baseUrl, token, fetch: (u, i) => fetch(u, i), timeoutMs: 60_000 }),
  });
  engine.start();
  const report = setInterval(() => {
    if (engine.holdsLease) {
      console.log(`started ${engine.lease.epoch}`);
      clearInterval(report);
    }
  }, 20);
}

main();
