// Main's own texts (notifications, menu, About box, native dialogs) speak the window's language:
// Settings → Language once the outbox is open (live: the core tells main when it changes), else the
// OS's preferred languages.
import { app } from 'electron';
import { languageFor, type UiLanguage } from '../../shared/i18n/languages';
import type { Message } from '../../shared/i18n/messages';
import { translate } from '../../shared/i18n/translate';
import type { ShellContext } from './context';

export function osLanguages(): string[] {
  return app.getPreferredSystemLanguages();
}

/** Main's language now: Settings → Language as the core last told (it tells at once when it changes). */
export function mainLanguage(ctx: Pick<ShellContext, 'core'>): UiLanguage {
  return languageFor(ctx.core?.language ?? 'system', osLanguages());
}

export function sayFor(ctx: Pick<ShellContext, 'core'>): (m: Message) => string {
  return (m) => translate(mainLanguage(ctx), m);
}
