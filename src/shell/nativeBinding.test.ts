// What the user reads when better-sqlite3 cannot load (a broken install; Node-API needs no second ABI).
import { describe, expect, it } from 'vitest';
import { ABI_HINT, explainOpenError } from './nativeBinding';

describe('explainOpenError', () => {
  const abi = new Error(
    "The module '/repo/node_modules/better-sqlite3/build/Release/better_sqlite3.node'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION 115. This version of Node.js requires\nNODE_MODULE_VERSION 145.",
  );

  it('tells a developer to run npm install again when the module does not load', () => {
    expect(explainOpenError(abi, false).startsWith(ABI_HINT)).toBe(true);
  });

  it('tells a user to reinstall a broken packaged app', () => {
    expect(explainOpenError(abi, true)).toMatch(/reinstall the app/);
  });

  it('passes other errors through', () => {
    expect(explainOpenError(new Error('disk full'), false)).toBe('disk full');
  });
});
