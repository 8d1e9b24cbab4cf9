// The demo simulator listens on plain http on this computer: its token is new at every start, so
// no value in this source (or from a previous run) opens it.
import { afterEach, describe, expect, it } from 'vitest';
import { demoGateway, startDemoSimulator } from './demo';
import type { Simulator } from '../simulator';

const started: Simulator[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()));
});

describe('demo simulator', () => {
  it('gets a random token per start that only the app knows', async () => {
    const a = await startDemoSimulator();
    const b = await startDemoSimulator();
    started.push(a, b);
    expect(a.token).not.toBe(b.token);
    expect(a.token.length).toBeGreaterThanOrEqual(30);
    const guess = await fetch(`${a.url}/rest/me`, { headers: { Authorization: 'Token demo-token-not-a-real-secret' } });
    expect(guess.status).toBe(401);
    const client = await demoGateway(a, (u, i) => fetch(u, i))({} as never);
    expect((await client!.account()).credit).toBe(500);
  });
});
