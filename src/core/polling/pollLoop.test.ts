// The pollers' shared loop: one loop however often started, stop waits for the turn in progress and
// ends a long wait at once, and a stopped loop can start again.
import { describe, expect, it } from 'vitest';
import { PollLoop } from './pollLoop';

const realSleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(t), resolve()));
  });

describe('PollLoop', () => {
  it('runs one loop when started twice; stop cuts the wait short and waits for the turn', async () => {
    let turns = 0;
    let inTurn = 0;
    let maxInTurn = 0;
    const loop: PollLoop = new PollLoop(async () => {
      turns++;
      inTurn++;
      maxInTurn = Math.max(maxInTurn, inTurn);
      await new Promise((r) => setTimeout(r, 5));
      inTurn--;
      if (loop.stopping) return;
      await loop.waker.wait(realSleep, 60_000);
    });
    loop.start();
    loop.start();
    await new Promise((r) => setTimeout(r, 20));
    const started = Date.now();
    await loop.stop();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(turns).toBe(1);
    expect(maxInTurn).toBe(1);
    expect(inTurn).toBe(0);

    loop.start();
    await new Promise((r) => setTimeout(r, 20));
    await loop.stop();
    expect(turns).toBe(2);
  });
});
