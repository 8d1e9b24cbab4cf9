// The one i18next instance: every user-visible string of the renderer comes from en.ts / da.ts
// through it. The language follows the OS (navigator.language) unless Settings overrides it; dates,
// numbers and money are formatted with Intl for the same locale (see format.ts).
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { da } from './da';
import { en } from './en';

export const LANGUAGES = ['en', 'da'] as const;
export type Language = (typeof LANGUAGES)[number];
/** What Settings stores: a language, or 'system' to follow the OS. */
export type LanguageChoice = Language | 'system';

/** The Intl locale used for each language (24-hour clock and day-first dates for English too). */
const INTL_LOCALES: Record<Language, string> = { en: 'en-GB', da: 'da-DK' };

/** 'da-DK', 'da', 'nb-NO' (Norwegian Bokmål readers read Danish well) → a language we have. */
export function languageFor(choice: LanguageChoice | null | undefined, osLanguages: readonly string[]): Language {
  if (choice && choice !== 'system') return choice;
  for (const tag of osLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'da') return 'da';
    if (base === 'en') return 'en';
  }
  return 'en';
}

export function osLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

void i18next.use(initReactI18next).init({
  resources: { en: { translation: en }, da: { translation: da } },
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

export function currentLanguage(): Language {
  const l = i18next.language as Language;
  return LANGUAGES.includes(l) ? l : 'en';
}

export function intlLocale(): string {
  return INTL_LOCALES[currentLanguage()];
}

/** Switches the UI language and the document's lang (screen readers pronounce by it). */
export function applyLanguage(choice: LanguageChoice | null | undefined): void {
  const lang = languageFor(choice, osLanguages());
  if (i18next.language !== lang) void i18next.changeLanguage(lang);
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}
