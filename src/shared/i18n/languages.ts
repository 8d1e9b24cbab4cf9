// The languages the app speaks, and how an OS/terminal language tag picks one. Shared by main (native
// dialogs, notifications, menus), the CLI and the window, so all three start in the same language.

export const LANGUAGES = ['en', 'da', 'sv', 'nb'] as const;
export type Language = (typeof LANGUAGES)[number];
/** 'pseudo' wraps and accents every string (⟦Ŝéñð⟧): tests use it to find text that is not translated. */
export type UiLanguage = Language | 'pseudo';
/** What Settings stores: a language, or 'system' to follow the OS. */
export const LANGUAGE_CHOICES = ['system', ...LANGUAGES, 'pseudo'] as const;
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number];

/** The Intl locale of each language (24-hour clock and day-first dates for English too). */
export const INTL_LOCALES: Record<UiLanguage, string> = { en: 'en-GB', da: 'da-DK', sv: 'sv-SE', nb: 'nb-NO', pseudo: 'en-GB' };

/** Each language's own name, as the language picker shows it. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', da: 'Dansk', sv: 'Svenska', nb: 'Norsk (bokmål)' };

/**
 * One tag ('da-DK', 'sv_SE.UTF-8', 'no', 'nn-NO', 'nb') → a language we have, or null. Nynorsk and
 * plain "no" readers get Bokmål: closer to them than any other catalog.
 */
export function languageOfTag(tag: string): Language | null {
  const base =
    tag
      .trim()
      .toLowerCase()
      .split(/[-_.@]/)[0] ?? '';
  if (base === 'da' || base === 'en' || base === 'sv' || base === 'nb') return base;
  if (base === 'no' || base === 'nn') return 'nb';
  return null;
}

/** The Settings choice, else the first OS language we have, else English. */
export function languageFor(choice: LanguageChoice | null | undefined, osLanguages: readonly string[]): UiLanguage {
  if (choice && choice !== 'system') return choice;
  for (const tag of osLanguages) {
    const l = languageOfTag(tag);
    if (l) return l;
  }
  return 'en';
}

/** POSIX rules for a terminal: LC_ALL, then LC_MESSAGES, then LANG ("C"/"POSIX" mean English). */
export function terminalLanguages(env: Record<string, string | undefined>): string[] {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const v = env[name];
    if (v && v.trim() !== '') return v === 'C' || v === 'POSIX' || v.startsWith('C.') ? ['en'] : [v];
  }
  return [];
}

export function isUiLanguage(v: unknown): v is UiLanguage {
  return v === 'pseudo' || (LANGUAGES as readonly unknown[]).includes(v);
}
