// Main's own texts (notifications, menu, About box, native dialogs) speak the window's language:
// Settings → Language once the outbox is open, else the OS's preferred languages.
import { app } from 'electron';
import { languageFor } from '../../shared/i18n/languages';
import type { Message } from '../../shared/i18n/messages';
import { translate } from '../../shared/i18n/translate';
import type { ShellContext } from './context';

export function osLanguages(): string[] {
  return app.getPreferredSystemLanguages();
}

export function sayFor(ctx: Pick<ShellContext, 'core'>): (m: Message) => string {
  return (m) => translate(languageFor(ctx.core?.engine.settings().language ?? 'system', osLanguages()), m);
}
