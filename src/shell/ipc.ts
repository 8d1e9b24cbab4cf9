// Binds the bridge contract to ipcMain: one handler for every call, after the sender check.
// Validation and the work itself live in the Electron-free core's dispatch().
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../shared/channels';
import type { EventName, EventPayloads } from '../shared/contract';
import type { Result } from '../shared/result';
import { isTrustedSender, type FrameLike, type WindowLike } from './trust';

import type { Dispatch } from '../shared/contract';
export type { Dispatch };

export interface IpcBinding {
  dispatch: Dispatch;
  /** The one window whose renderer may call; null while none is open. */
  getWindow: () => WindowLike | null;
  rendererUrl: string;
}

export const UNTRUSTED: Result<never> = { ok: false, error: { kind: 'internal', message: 'Untrusted sender' } };

/** Returns a function that removes the handler. */
export function bindIpc(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, b: IpcBinding): () => void {
  ipcMain.handle(IPC_CALL_CHANNEL, async (event: IpcMainInvokeEvent, name: unknown, input: unknown) => {
    const sender = { sender: event.sender, senderFrame: event.senderFrame as FrameLike | null };
    if (!isTrustedSender(sender, b.getWindow(), b.rendererUrl)) return UNTRUSTED;
    if (typeof name !== 'string') {
      return { ok: false, error: { kind: 'invalid_input', message: 'The call name must be a string' } };
    }
    try {
      return await b.dispatch(name, input);
    } catch (err) {
      // dispatch should return errors as Results; this keeps a slip from surfacing as an IPC rejection.
      return { ok: false, error: { kind: 'internal', message: err instanceof Error ? err.message : String(err) } };
    }
  });
  return () => ipcMain.removeHandler(IPC_CALL_CHANNEL);
}

export interface EventTarget {
  isDestroyed(): boolean;
  webContents: { isDestroyed(): boolean; send(channel: string, ...args: unknown[]): void };
}

/** Pushes an event to the window, if one is open (events while none is open are dropped). */
export function sendEvent<E extends EventName>(win: EventTarget | null, event: E, payload: EventPayloads[E]): void {
  if (!win || win.isDestroyed() || win.webContents.isDestroyed()) return;
  win.webContents.send(IPC_EVENT_CHANNEL, event, payload);
}
