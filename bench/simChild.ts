// The GatewayAPI simulator in its own process for bench/send.ts, so its JSON parsing and pricing do
// not share the event loop (and the CPU core) with the sender being measured. Talks over IPC.
import { startSimulator, type Simulator } from '../src/simulator';

export type SimRequest = { type: 'stats' } | { type: 'reset' } | { type: 'close' };
export interface SimStats {
  type: 'stats';
  posts: number;
  accepted: number;
  duplicates: number;
  rss: number;
}

async function main(): Promise<void> {
  const sim: Simulator = await startSimulator({
    token: process.env.SIM_TOKEN ?? 'bench-token',
    credit: 1e12,
    // No delivery reports during the run: the bench measures sending.
    statusDelayMs: 24 * 3600_000,
  });
  process.on('message', (m: SimRequest) => {
    if (m.type === 'stats') {
      const stats: SimStats = {
        type: 'stats',
        posts: sim.requests.filter((r) => r.method === 'POST' && r.path === '/rest/mtsms').length,
        accepted: sim.log.length,
        duplicates: sim.duplicates().length,
        rss: process.memoryUsage().rss,
      };
      process.send?.(stats);
    } else if (m.type === 'reset') {
      sim.reset();
      process.send?.({ type: 'reset' });
    } else if (m.type === 'close') {
      void sim.close().then(() => process.exit(0));
    }
  });
  process.send?.({ type: 'ready', url: sim.url });
}

void main();
