// The bridge's door in main: only our own window's main frame showing our own renderer page gets
// through to dispatch; everything else gets "Untrusted sender".
import { describe, expect, it } from 'vitest';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../shared/channels';
import { bindIpc, sendEvent, UNTRUSTED, type Dispatch } from './ipc';
import { isOwnRendererUrl, type FrameLike } from './trust';

const RENDERER = 'app://bundle/index.html';

function frame(over: Partial<FrameLike> = {}): FrameLike {
  return { url: RENDERER, processId: 4, routingId: 1, parent: null, ...over };
}

function setup(dispatch: Dispatch = async (name, input) => ({ ok: true, value: { name, input } })) {
  const handlers = new Map<string, (...args: any[]) => Promise<unknown>>();
  const ipcMain = {
    handle: (ch: string, h: (...args: any[]) => Promise<unknown>) => void handlers.set(ch, h),
    removeHandler: (ch: string) => void handlers.delete(ch),
  };
  const mainFrame = frame();
  let destroyed = false;
  const sent: unknown[][] = [];
  const win = {
    isDestroyed: () => destroyed,
    webContents: { id: 10, mainFrame, isDestroyed: () => destroyed, send: (...a: unknown[]) => void sent.push(a) },
  };
  let current: typeof win | null = win;
  const unbind = bindIpc(ipcMain as never, { dispatch, getWindow: () => current, rendererUrl: RENDERER });
  const invoke = (event: { sender: { id: number }; senderFrame: FrameLike | null }, name: unknown, input: unknown) =>
    handlers.get(IPC_CALL_CHANNEL)!(event, name, input);
  return {
    win,
    sent,
    handlers,
    unbind,
    invoke,
    ok: { sender: { id: 10 }, senderFrame: mainFrame },
    closeWindow: () => (current = null),
    destroy: () => (destroyed = true),
  };
}

describe('bindIpc', () => {
  it('passes a call from our window to dispatch and returns its Result', async () => {
    const s = setup();
    await expect(s.invoke(s.ok, 'settings.get', { a: 1 })).resolves.toEqual({
      ok: true,
      value: { name: 'settings.get', input: { a: 1 } },
    });
  });

  it('refuses other webContents, subframes, other pages and closed windows', async () => {
    const calls: string[] = [];
    const s = setup(async (name) => {
      calls.push(name);
      return { ok: true, value: null };
    });
    const cases = [
      { sender: { id: 11 }, senderFrame: s.ok.senderFrame }, // another window or webview
      { sender: { id: 10 }, senderFrame: null }, // frame gone (navigated away) before the call arrived
      { sender: { id: 10 }, senderFrame: frame({ routingId: 2, parent: s.ok.senderFrame }) }, // an iframe
      { sender: { id: 10 }, senderFrame: frame({ routingId: 2 }) }, // not the main frame
      { sender: { id: 10 }, senderFrame: frame({ url: 'https://evil.example/index.html' }) },
      { sender: { id: 10 }, senderFrame: frame({ url: 'file:///tmp/other/index.html' }) },
    ];
    for (const ev of cases) await expect(s.invoke(ev, 'token.set', { token: 'x' })).resolves.toEqual(UNTRUSTED);
    s.destroy();
    await expect(s.invoke(s.ok, 'token.set', {})).resolves.toEqual(UNTRUSTED);
    s.closeWindow();
    await expect(s.invoke(s.ok, 'token.set', {})).resolves.toEqual(UNTRUSTED);
    expect(calls).toEqual([]);
    expect(UNTRUSTED).toEqual({ ok: false, error: { kind: 'internal', message: 'Untrusted sender' } });
  });

  it('answers a dispatch that throws with an internal error instead of rejecting the invoke', async () => {
    const s = setup(async () => {
      throw new Error('db locked');
    });
    await expect(s.invoke(s.ok, 'outbox.state', {})).resolves.toEqual({
      ok: false,
      error: { kind: 'internal', message: 'db locked' },
    });
  });

  it('rejects a non-string call name before dispatch', async () => {
    const s = setup();
    await expect(s.invoke(s.ok, { toString: () => 'x' }, {})).resolves.toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
  });

  it('can be unbound', () => {
    const s = setup();
    s.unbind();
    expect(s.handlers.has(IPC_CALL_CHANNEL)).toBe(false);
  });
});

describe('sendEvent', () => {
  it('sends event and payload on the event channel, and drops events with no live window', () => {
    const s = setup();
    sendEvent(s.win, 'outbox.changed', { campaignIds: [1] });
    expect(s.sent).toEqual([[IPC_EVENT_CHANNEL, 'outbox.changed', { campaignIds: [1] }]]);
    const notice = { key: 'k', level: 'info' as const, message: 'm', text: { code: 'resumed_gateway_answers' as const } };
    sendEvent(null, 'notice', notice);
    s.destroy();
    sendEvent(s.win, 'notice', notice);
    expect(s.sent).toHaveLength(1);
  });
});

describe('isOwnRendererUrl', () => {
  it('accepts our app:// page with any hash or query, nothing else', () => {
    expect(isOwnRendererUrl(RENDERER, RENDERER)).toBe(true);
    expect(isOwnRendererUrl('app://bundle/', RENDERER)).toBe(true);
    expect(isOwnRendererUrl(`${RENDERER}#/outbox`, RENDERER)).toBe(true);
    expect(isOwnRendererUrl(`${RENDERER}?x=1`, RENDERER)).toBe(true);
    expect(isOwnRendererUrl('app://bundle/other.html', RENDERER)).toBe(false);
    expect(isOwnRendererUrl('app://evil/index.html', RENDERER)).toBe(false);
    // The old file:// page, or any page on disk, is no longer ours.
    expect(isOwnRendererUrl('file:///opt/sms-outbox/out/renderer/index.html', RENDERER)).toBe(false);
    expect(isOwnRendererUrl('file:///etc/passwd', RENDERER)).toBe(false);
    expect(isOwnRendererUrl('https://bundle/index.html', RENDERER)).toBe(false);
    expect(isOwnRendererUrl('not a url', RENDERER)).toBe(false);
  });

  it('in `npm run dev`, trusts the dev server page only: same origin and page', () => {
    const dev = 'http://localhost:5173/';
    expect(isOwnRendererUrl('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isOwnRendererUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isOwnRendererUrl('http://127.0.0.1:5173/', dev)).toBe(false);
    expect(isOwnRendererUrl(RENDERER, dev)).toBe(false);
  });
});
