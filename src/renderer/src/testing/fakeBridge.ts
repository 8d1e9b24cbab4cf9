// A window.smsOutbox for store tests under node: records calls and answers from a table of handlers.
// Typed against the contract: a handler for a call that does not exist, or one that takes or returns
// the wrong shape, fails typecheck, so a renamed call breaks its tests too.
import type { Bridge, CallInput, CallName, CallOutput } from '../../../shared/contract';

export type FakeHandlers = { [N in CallName]?: (input: CallInput<N>) => CallOutput<N> | Promise<CallOutput<N>> };

export interface FakeCall<N extends CallName = CallName> {
  name: N;
  input: CallInput<N>;
}

export function installFakeBridge(handlers: FakeHandlers): { calls: FakeCall[] } {
  const calls: FakeCall[] = [];
  const bridge: Bridge = {
    async call<N extends CallName>(name: N, input: CallInput<N>) {
      calls.push({ name, input } as FakeCall);
      const h = handlers[name] as ((input: CallInput<N>) => CallOutput<N> | Promise<CallOutput<N>>) | undefined;
      if (!h) return { ok: false, error: { kind: 'internal', message: `no fake for ${name}` } };
      try {
        return { ok: true, value: await h(input) };
      } catch (e) {
        const err = e as { kind?: 'invalid_input' | 'internal'; message: string; field?: string };
        return { ok: false, error: { kind: err.kind ?? 'internal', message: err.message, field: err.field } };
      }
    },
    on: () => () => {},
  };
  (globalThis as unknown as { window: unknown }).window = { smsOutbox: bridge };
  return { calls };
}

/** The inputs of every call to `name`, in order. */
export function inputsOf<N extends CallName>(calls: FakeCall[], name: N): CallInput<N>[] {
  return calls.filter((c): c is FakeCall<N> => c.name === name).map((c) => c.input);
}
