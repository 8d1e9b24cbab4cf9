// Vitest for the mutation run (npm run mutation): the unit and fault suites of the core that drive
// the sending and outbox code, about 45 s for the whole set here. Stryker's perTest coverage then
// runs only the tests that reach a mutant. Left out, for time (each is minutes per run on a shared
// two-core machine): test/crash.test.ts (real processes killed mid-send), src/app and src/cli
// (they reach the outbox through dispatch; the core's own tests are meant to cover it), e2e.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/core/outbox/*.test.ts', 'src/core/sending/*.test.ts', 'src/core/engine.test.ts'],
    // Timing tests ("… quickly") measure speed, not behaviour, and time out under instrumentation.
    testNamePattern: /^(?!.*quickly)/,
    environment: 'node',
    testTimeout: 20000,
    hookTimeout: 20000,
    pool: 'forks',
  },
});
