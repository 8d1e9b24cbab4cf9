// The CLI's language: --lang, else LC_ALL / LC_MESSAGES / LANG (POSIX order), else English. Set
// once per run by runCli; everything the CLI says from a message code goes through say().
import { isUiLanguage, languageFor, terminalLanguages, type UiLanguage } from '../shared/i18n/languages';
import type { Message } from '../shared/i18n/messages';
import { translate } from '../shared/i18n/translate';
// The CLI's own words join the shared catalogs before anything is said.
import '../shared/i18n/catalogs/cli';

let current: UiLanguage = 'en';

export function cliLanguage(flag: string | null, env: Record<string, string | undefined>): UiLanguage {
  if (flag !== null && isUiLanguage(flag)) return flag;
  return languageFor('system', flag !== null ? [flag] : terminalLanguages(env));
}

export function setCliLanguage(lang: UiLanguage): void {
  current = lang;
}

export function cliLang(): UiLanguage {
  return current;
}

/** A message code in the CLI's language. */
export function say(m: Message): string {
  return translate(current, m);
}

/** Takes `--lang X` / `--lang=X` out of argv (it applies to every command): [lang or null, the rest]. */
export function takeLangOption(argv: readonly string[]): [string | null, string[]] {
  const rest: string[] = [];
  let lang: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (a === '--lang' && i + 1 < argv.length) lang = argv[++i] as string;
    else if (a.startsWith('--lang=')) lang = a.slice('--lang='.length);
    else rest.push(a);
  }
  return [lang, rest];
}
