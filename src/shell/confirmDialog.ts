// Main's own confirmation: a native message box on the window, in the user's language, stating the
// numbers of the request (shared/confirmRequest.ts). The window cannot answer it: only a click in
// the box does. Cancel is the default button, so Enter pressed by habit does not spend money.
import type { Confirm, ConfirmRequest } from '../shared/confirmRequest';
import { translate } from '../shared/i18n/translate';
import type { UiLanguage } from '../shared/i18n/languages';

export interface MessageBoxOptions {
  type: 'question' | 'warning';
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
  noLink: boolean;
}

/** What the dialog shows for a request, in one language (tested without Electron). */
export function confirmBox(request: ConfirmRequest, lang: UiLanguage): MessageBoxOptions {
  const costly = request.kind === 'send' || request.kind === 'resend';
  return {
    type: costly || request.kind === 'replaceToken' ? 'warning' : 'question',
    title: 'SMS Outbox',
    message: translate(lang, { code: 'confirm_title', request }),
    detail: translate(lang, { code: 'confirm_detail', request }),
    buttons: [translate(lang, { code: 'confirm_yes', request }), translate(lang, { code: 'confirm_no' })],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  };
}

export interface DialogConfirmDeps<W> {
  /** Electron's dialog.showMessageBox. */
  showMessageBox(window: W, options: MessageBoxOptions): Promise<{ response: number }>;
  /** The window the box is modal to; no window (closed): nothing is confirmed. */
  getWindow(): W | null;
  language(): UiLanguage;
}

export function dialogConfirm<W>(deps: DialogConfirmDeps<W>): Confirm {
  return async (request) => {
    const win = deps.getWindow();
    if (!win) return false;
    const { response } = await deps.showMessageBox(win, confirmBox(request, deps.language()));
    return response === 0;
  };
}
