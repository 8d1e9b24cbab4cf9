// OS notifications for notices that need the user (paused queue, low credit, uncertain recipients,
// keychain trouble, a campaign finished), so
// they are seen while the window is in the background. Other info notices stay in the app.
import type { Notice } from '../shared/contract';
import type { Message } from '../shared/i18n/messages';
import { translate } from '../shared/i18n/translate';

export interface NotificationLike {
  on(event: 'click', listener: () => void): unknown;
  show(): void;
}
export interface NotificationApi {
  isSupported(): boolean;
  new (options: { title: string; body: string; silent?: boolean }): NotificationLike;
}

export interface NotifierOptions {
  Notification: NotificationApi;
  onClick?: () => void;
  /** The same notice key is not repeated within this time (a flapping connection must not spam). */
  repeatAfterMs?: number;
  now?: () => number;
  /** Words for a message code in the user's language (main's language: Settings, else the OS). */
  say?: (m: Message) => string;
}

export function createNoticeNotifier(opts: NotifierOptions): (notice: Notice) => boolean {
  const repeatAfterMs = opts.repeatAfterMs ?? 60_000;
  const now = opts.now ?? Date.now;
  const say = opts.say ?? ((m: Message) => translate('en', m));
  const lastShown = new Map<string, number>();
  return (notice) => {
    // A finished campaign is news worth an OS notification too: sends run while the window is hidden.
    const worthy = notice.level !== 'info' || notice.key.startsWith('finished-');
    if (!worthy) return false;
    if (!opts.Notification.isSupported()) return false;
    const last = lastShown.get(notice.key);
    if (last !== undefined && now() - last < repeatAfterMs) return false;
    lastShown.set(notice.key, now());
    const n = new opts.Notification({ title: say({ code: 'notification_title' }), body: say(notice.text) });
    if (opts.onClick) n.on('click', opts.onClick);
    n.show();
    return true;
  };
}
