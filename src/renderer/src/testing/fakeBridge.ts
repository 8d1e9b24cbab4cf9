// A window.smsOutbox for store tests under node: records calls and answers from a table of handlers.
import type { Bridge } from '../../../shared/contract';

export type FakeHandlers = Record<string, (input: any) => unknown>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function installFakeBridge(handlers: FakeHandlers): { calls: { name: string; input: unknown }[] } {
  const calls: { name: string; input: unknown }[] = [];
  const bridge = {
    async call(name: string, input: unknown) {
      calls.push({ name, input });
      const h = handlers[name];
      if (!h) return { ok: false, error: { kind: 'internal', message: `no fake for ${name}` } };
      try {
        return { ok: true, value: await h(input) };
      } catch (e) {
        const err = e as { kind?: string; message: string; field?: string };
        return { ok: false, error: { kind: err.kind ?? 'internal', message: err.message, field: err.field } };
      }
    },
    on: () => () => {},
  } as unknown as Bridge;
  (globalThis as unknown as { window: unknown }).window = { smsOutbox: bridge };
  return { calls };
}
