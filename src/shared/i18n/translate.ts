// translate(lang, message): the one way a code becomes words, in main (dialogs, notifications, menus),
// the CLI and the window.
import type { Catalog, Tools } from './catalog';
import { da } from './catalogs/da';
import { en } from './catalogs/en';
import { nb } from './catalogs/nb';
import { sv } from './catalogs/sv';
import { formatterFor } from './format';
import type { UiLanguage } from './languages';
import type { Message } from './messages';
import { markValue, pseudoize, stripMarks } from './pseudo';

type Lookup = Partial<Record<keyof Catalog, Catalog[keyof Catalog]>>;
const CATALOGS: Record<Exclude<UiLanguage, 'pseudo'>, Lookup> = { en: { ...en }, da: { ...da }, sv: { ...sv }, nb: { ...nb } };

/** Adds a process's own words (the CLI's) to every language's catalog. */
export function addWords(words: Record<Exclude<UiLanguage, 'pseudo'>, Lookup>): void {
  for (const lang of Object.keys(CATALOGS) as (keyof typeof CATALOGS)[]) Object.assign(CATALOGS[lang], words[lang]);
}

function words(catalog: Lookup, m: Message, f: Tools): string {
  const entry = catalog[m.code] as ((m: Message, f: Tools) => string) | undefined;
  // A code from a newer version (stored, or from another process) still shows something.
  return entry ? entry(m, f) : m.code;
}

function toolsFor(lang: UiLanguage, catalog: Lookup): Tools {
  const pseudo = lang === 'pseudo';
  const base = formatterFor(lang, pseudo ? markValue : undefined);
  const tools: Tools = { ...base, t: (inner) => words(catalog, inner, tools) };
  return tools;
}

const cache = new Map<UiLanguage, Tools>();

export function translate(lang: UiLanguage, m: Message): string {
  const catalog = CATALOGS[lang === 'pseudo' ? 'en' : lang];
  let tools = cache.get(lang);
  if (!tools) {
    tools = toolsFor(lang, catalog);
    cache.set(lang, tools);
  }
  const text = words(catalog, m, tools);
  return lang === 'pseudo' ? pseudoize(text) : stripMarks(text);
}

/** A translator bound to one language (the CLI and main hold one). */
export type Translate = (m: Message) => string;
export function translatorFor(lang: UiLanguage): Translate {
  return (m) => translate(lang, m);
}
