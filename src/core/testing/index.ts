// Helpers for core tests and benchmarks (never imported by the app).
export { FakeClock } from './fakeClock';
export { waitFor, pause } from './waitFor';
export { seededRandom } from './random';
export { makeEngine, sendIdle, type Harness, type HarnessOptions, type Notice } from './engineHarness';
export { newCampaign, merge, numbers, people, type Person } from './campaign';
export { fillDisk, freeDisk } from './fullDisk';
export { smallDisk, type SmallDisk } from './smallDisk';

/** A stored reason (a message code as JSON, or old plain text) in English, as a reader would see it. */
export { storedReasonText } from './reasons';
