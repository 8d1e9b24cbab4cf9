// Vitest for the mutation run (npm run mutation): only the fast unit tests of the mutated modules,
// so each mutant is judged in seconds on a shared two-core machine. The full suites stay in npm test.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'src/core/sending/backoff.test.ts',
      'src/core/sending/quietHours.test.ts',
      'src/core/outbox/campaignList.test.ts',
      'src/core/outbox/polls.test.ts',
    ],
    // Timing tests ("… quickly") measure speed, not behaviour, and time out under instrumentation.
    testNamePattern: /^(?!.*quickly)/,
    environment: 'node',
    testTimeout: 20000,
    pool: 'forks',
  },
});
