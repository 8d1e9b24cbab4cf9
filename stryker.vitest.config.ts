// Vitest for the mutation run (npm run mutation). Two test sets:
// - full (default): the core's outbox, sending and engine suites, about 45 s here; Stryker's perTest
//   coverage then runs only the tests that reach a mutant.
// - STRYKER_TESTS=unit: the outbox and sending unit suites alone, in one worker (no isolation), a
//   second or two per mutant. Run first, then the full set with the same incremental file: killed
//   mutants are kept and only the survivors meet the slow fault suites (about 20 s per mutant).
// Left out of both, for time (minutes per run on a shared two-core machine): test/crash.test.ts (real
// processes killed mid-send), src/app and src/cli (they reach the outbox through dispatch), e2e.
import { defineConfig } from 'vitest/config';

const unit = process.env.STRYKER_TESTS === 'unit';

export default defineConfig({
  test: {
    include: unit
      ? [
          'src/core/outbox/*.test.ts',
          'src/core/sending/backoff.test.ts',
          'src/core/sending/quietHours.test.ts',
          'src/core/sending/sender.test.ts',
        ]
      : ['src/core/outbox/*.test.ts', 'src/core/sending/*.test.ts', 'src/core/engine.test.ts'],
    // Timing tests ("… quickly") measure speed, not behaviour, and time out under instrumentation.
    testNamePattern: /^(?!.*quickly)/,
    environment: 'node',
    testTimeout: 20000,
    hookTimeout: 20000,
    pool: 'forks',
    isolate: !unit,
  },
});
