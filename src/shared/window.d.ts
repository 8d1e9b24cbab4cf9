// What the preload puts on window (see src/preload/index.ts); the renderer reaches main only through it.
import type { Bridge } from './contract';

declare global {
  interface Window {
    smsOutbox: Bridge;
  }
}

export {};
