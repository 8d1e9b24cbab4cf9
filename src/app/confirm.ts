// The seam through which main asks the user before money or trust changes hands (see
// shared/confirmRequest.ts). The shell answers with dialog.showMessageBox on the window, the e2e
// harness with its own stand-in, unit tests with a function; without one nothing is confirmed.
import type { Confirm, ConfirmRequest } from '../shared/confirmRequest';
import { AppError } from '../shared/result';

export type { Confirm, ConfirmRequest };

/** The default: no dialog to ask through, so nothing that needs a yes happens. */
export const confirmNothing: Confirm = async () => false;

/** Asks; a "no" (or a dialog that failed) ends the call with a `declined` error and nothing done. */
export async function requireYes(confirm: Confirm, request: ConfirmRequest, whatNot: string): Promise<void> {
  const yes = await confirm(request).catch(() => false);
  if (!yes) throw new AppError('declined', { code: 'not_confirmed', what: whatNot.startsWith('Not sent') ? 'send' : 'other' });
}
