// The renderer's only way to main: window.smsOutbox (built by preload, or by the e2e harness).
// Types only from the contract: importing it at run time would pull zod into the bundle.
import type { Bridge, CallInput, CallName, CallOutput, EventName, EventPayloads } from '../../shared/contract';
import type { BridgeError, ErrorKind } from '../../shared/result';
import { say, t } from './i18n';

/** A failed call, with the kind and field main reported, so views can place the message. */
export class ApiError extends Error {
  readonly kind: ErrorKind;
  readonly field: string | undefined;
  constructor(error: BridgeError) {
    // Main sends a message code: said in the window's language. (Main's input validation without a
    // code prefixes the field's path, "sender: …"; the message is shown at that field, so the prefix
    // is only noise to the user.)
    super(
      error.text
        ? say(error.text)
        : error.field && error.message.startsWith(`${error.field}: `)
          ? error.message.slice(error.field.length + 2)
          : error.message,
    );
    this.name = 'ApiError';
    this.kind = error.kind;
    this.field = error.field;
  }
}

function bridge(): Bridge {
  // Read defensively: the global type (src/shared/window.d.ts) says it always exists, but a broken
  // preload would leave it undefined and the user should get a message, not a blank window.
  const b = (window as unknown as { smsOutbox?: Bridge }).smsOutbox;
  if (!b) {
    throw new ApiError({ kind: 'internal', message: t('common.bridgeMissing') });
  }
  return b;
}

/** Calls main; resolves with the value or throws an ApiError carrying kind/field. */
export async function api<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  let result;
  try {
    result = await bridge().call(name, input);
  } catch (e) {
    if (e instanceof ApiError) throw e;
    // A transport failure (never expected): show a plain message, not a stack trace.
    throw new ApiError({ kind: 'internal', message: t('common.noAnswer', { name }) });
  }
  if (result.ok) return result.value;
  throw new ApiError(result.error);
}

export function onEvent<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void {
  return bridge().on(event, listener);
}

/** Text fit for the user from anything thrown. */
export function errorText(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error && e.message) return e.message;
  return t('common.somethingWrong');
}

/** Field-level error map from an ApiError, or a general message under '' */
export function fieldErrors(e: unknown): Record<string, string> {
  if (e instanceof ApiError && e.field) return { [e.field]: e.message };
  return { '': errorText(e) };
}
