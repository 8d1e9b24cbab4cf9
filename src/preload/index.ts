// Exposes the bridge contract as window.smsOutbox; nothing else.
// A sandboxed preload must be one self-contained CommonJS file: import only types from the contract
// (it pulls in zod) and the channel names from the import-free channels module.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Bridge, CallName, CallInput, CallOutput, EventName, EventPayloads } from '../shared/contract';
import type { Result } from '../shared/result';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../shared/channels';

type Subscription = { event: string; listener: (payload: unknown) => void };

// One IPC listener fans out to every subscriber, so subscribing many times adds no IPC listeners.
const subscriptions = new Set<Subscription>();
let listening = false;

function onEvent(_e: IpcRendererEvent, event: unknown, payload: unknown): void {
  for (const sub of [...subscriptions]) {
    if (sub.event !== event) continue;
    try {
      sub.listener(payload);
    } catch (err) {
      // One faulty subscriber must not starve the others.
      console.error(`smsOutbox: a listener for "${String(event)}" threw`, err);
    }
  }
}

function messageOf(err: unknown): string {
  const m = (err as { message?: unknown } | null)?.message;
  return typeof m === 'string' ? m : String(err);
}

const bridge: Bridge = {
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<Result<CallOutput<N>>> {
    // Keep the Result shape even when IPC itself fails (e.g. input that cannot be cloned), so the
    // renderer never has to catch.
    return ipcRenderer.invoke(IPC_CALL_CHANNEL, name, input).catch((err: unknown): Result<CallOutput<N>> => ({
      ok: false,
      error: { kind: 'internal', message: messageOf(err) },
    }));
  },
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void {
    const sub: Subscription = { event, listener: listener as (payload: unknown) => void };
    subscriptions.add(sub);
    if (!listening) {
      ipcRenderer.on(IPC_EVENT_CHANNEL, onEvent);
      listening = true;
    }
    return () => {
      subscriptions.delete(sub);
      if (subscriptions.size === 0 && listening) {
        ipcRenderer.removeListener(IPC_EVENT_CHANNEL, onEvent);
        listening = false;
      }
    };
  },
};

contextBridge.exposeInMainWorld('smsOutbox', bridge);
