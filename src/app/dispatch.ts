// The one Electron-free dispatcher: validates a call's input against the contract, runs its handler,
// and turns every outcome into plain JSON ({ok, value} / {ok:false, error}) that survives IPC.
import { z } from 'zod';
import { calls, type CallName, type CallOutput, type Dispatch, type ParsedInput } from '../shared/contract';
import { AppError, type Result } from '../shared/result';
import { GatewayError, describeGatewayError } from '../core/gateway/errors';
import { ImportError } from '../core/importing/errors';
import { LeaseLostError } from '../core/outbox/lease';
import type { Logger } from '../core/types';

export type Handlers = { [N in CallName]: (input: ParsedInput<N>) => Promise<CallOutput<N>> | CallOutput<N> };

/** A call slower than this is logged (name and milliseconds): the window waits on every call. */
export const SLOW_CALL_MS = 50;

export interface DispatchOptions {
  slowMs?: number;
  /** ms clock with sub-millisecond resolution (tests pass a fake). */
  now?: () => number;
}

export function createDispatch(handlers: Handlers, logger: Logger, opts: DispatchOptions = {}): Dispatch {
  const slowMs = opts.slowMs ?? SLOW_CALL_MS;
  const now = opts.now ?? (() => performance.now());
  const run = runner(handlers, logger);
  return async (name, input) => {
    if (typeof name !== 'string' || !Object.hasOwn(calls, name)) {
      return { ok: false, error: { kind: 'invalid_input', message: `Unknown call: ${String(name).slice(0, 60)}` } };
    }
    const started = now();
    try {
      return await run(name as CallName, input);
    } finally {
      const ms = now() - started;
      // Its name and time only: the input can hold phone numbers, message texts or the token.
      if (ms > slowMs) logger.warn('slow call', { call: name, ms: Math.round(ms) });
    }
  };
}

function runner(handlers: Handlers, logger: Logger) {
  return async (call: CallName, input: unknown): Promise<Result<unknown>> => {
    const parsed = (calls[call].input as z.ZodType).safeParse(input ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.map(String).join('.') || undefined;
      return {
        ok: false,
        error: {
          kind: 'invalid_input',
          message: field ? `${field}: ${issue.message}` : (issue?.message ?? 'Invalid input'),
          text: { code: 'input_invalid', field: field ?? null, detail: issue?.message },
          field,
        },
      };
    }
    try {
      const handler = handlers[call] as (i: unknown) => unknown;
      const value = await handler(parsed.data);
      return { ok: true, value: value === undefined ? null : value };
    } catch (e) {
      return { ok: false, error: toBridgeError(e, call, logger) };
    }
  };
}

function toBridgeError(e: unknown, call: string, logger: Logger) {
  if (e instanceof AppError) return { kind: e.kind, message: e.message, text: e.text, ...(e.field ? { field: e.field } : {}) };
  if (e instanceof ImportError) return { kind: 'import' as const, message: e.message, text: e.text };
  if (e instanceof GatewayError) return { kind: 'gateway' as const, message: describeGatewayError(e), text: e.text };
  if (e instanceof LeaseLostError) return { kind: 'conflict' as const, message: e.message, text: { code: 'folder_in_use' as const } };
  if (e instanceof z.ZodError) {
    const issue = e.issues[0];
    const field = issue?.path.map(String).join('.');
    return {
      kind: 'invalid_input' as const,
      message: issue?.message ?? 'Invalid value',
      text: { code: 'input_invalid' as const, field: field ?? null },
      field,
    };
  }
  // Unexpected: log the details, show the user a sentence, never a stack trace.
  logger.error('call failed', { call, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  return {
    kind: 'internal' as const,
    message: `Something went wrong (${call}): ${e instanceof Error ? e.message : String(e)}`,
    text: { code: 'internal_error' as const },
  };
}
