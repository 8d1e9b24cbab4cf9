// The one i18next instance: every user-visible string of the renderer comes from the catalogs here
// (en, da, sv, nb; pseudo only for tests, built from en). Outcomes main sends as message codes
// (errors, notices, reasons, pauses) are said by the shared catalogs (src/shared/i18n) through
// say(). The language follows the OS (main passes app.getPreferredSystemLanguages() through the
// bridge; navigator.languages until then) unless Settings overrides it; dates, numbers and money are
// formatted with Intl for the same locale (see format.ts).
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { INTL_LOCALES, languageFor, type LanguageChoice, type UiLanguage } from '../../../shared/i18n/languages';
import type { Message } from '../../../shared/i18n/messages';
import { pseudoize } from '../../../shared/i18n/pseudo';
import { translate } from '../../../shared/i18n/translate';
import { da } from './da';
import { en, type Resources } from './en';
import { nb } from './nb';
import { sv } from './sv';

export { LANGUAGES, languageFor, type Language, type LanguageChoice } from '../../../shared/i18n/languages';

/** en with every string wrapped and accented, placeholders and tags kept: see shared/i18n/pseudo.ts. */
function pseudoResources<T>(r: T): T {
  if (typeof r === 'string') return pseudoize(r, /(\{\{[^}]*\}\}|<\/?\d+>)/) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r as Record<string, unknown>)) out[k] = pseudoResources(v);
  return out as T;
}

const RESOURCES: Record<UiLanguage, Resources> = { en, da, sv, nb, pseudo: pseudoResources(en) };

let systemLanguages: readonly string[] = [];

export function osLanguages(): readonly string[] {
  if (systemLanguages.length > 0) return systemLanguages;
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

void i18next.use(initReactI18next).init({
  resources: Object.fromEntries(Object.entries(RESOURCES).map(([l, r]) => [l, { translation: r }])),
  lng: languageFor('system', osLanguages()),
  fallbackLng: 'en',
  // React escapes on render; escaping here too would show "&amp;" in the text.
  interpolation: { escapeValue: false },
  // Resources are bundled: initialise synchronously so the first render (and node tests) has them.
  initAsync: false,
  returnNull: false,
});

export const i18n = i18next;
export const t = i18next.t.bind(i18next);

export function currentLanguage(): UiLanguage {
  const l = i18next.language as UiLanguage;
  return l in RESOURCES ? l : 'en';
}

export function intlLocale(): string {
  return INTL_LOCALES[currentLanguage()];
}

/** A message code from main (error, notice, reason, pause) in the window's language. */
export function say(m: Message): string {
  return translate(currentLanguage(), m);
}

/** Switches the UI language and the document's lang (screen readers pronounce by it). */
export function applyLanguage(choice: LanguageChoice | null | undefined, system?: readonly string[]): void {
  if (system && system.length > 0) systemLanguages = system;
  const lang = languageFor(choice, osLanguages());
  if (i18next.language !== lang) void i18next.changeLanguage(lang);
  if (typeof document !== 'undefined') document.documentElement.lang = lang === 'pseudo' ? 'en' : lang;
}
