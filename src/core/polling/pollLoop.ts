// The start/stop loop both pollers run: one turn after another until stopped, each turn doing its
// work and then waiting on the waker (so wake() or stop() cuts a wait short). Start twice runs one
// loop; stop waits for the turn in progress to finish.
import { Waker } from '../sending/backoff';

export class PollLoop {
  readonly waker = new Waker();
  private running: Promise<void> | null = null;
  private stopRequested = false;

  /** `turn` does one round of work and its wait; it should return early once `stopping` is true. */
  constructor(private readonly turn: () => Promise<void>) {}

  get stopping(): boolean {
    return this.stopRequested;
  }

  start(): void {
    this.stopRequested = false;
    this.running ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopRequested = true;
    this.waker.wake();
    await this.running;
    this.running = null;
  }

  private async run(): Promise<void> {
    while (!this.stopRequested) await this.turn();
  }
}
