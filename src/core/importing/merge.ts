// Merge fields: %Column% in the message, filled per recipient.
//
// GatewayAPI replaces each tag in `tags` literally with the recipient's `tagvalues`, case and all.
// So the message is rewritten with one canonical spelling per column (%name% → %Name% when the
// header is "Name"), and a %…% that names no column is left alone as text ("20% off, 30% on
// Sundays"). Tags never contain '%' inside, so no tag can overlap another.
// Not knowable here: whether GatewayAPI re-scans a value that itself contains a tag; renderMessage
// does not, which is what a single left-to-right replacement does.

import { addToTally, emptyTally, partsFromTally, smsParts, type SmsParts, type SmsTally } from '../../shared/sms';

export interface MergeFields {
  /** Canonical tags ("%Name%"), each once, in order of first use. */
  tags: string[];
  /** For each tag, the column index it reads. */
  columns: number[];
  /** The message with every tag in its canonical spelling. */
  rewritten: string;
  /** Tag-like words that name no column ("%fornavn%"), each once, to warn about. */
  unknown: string[];
}

// What a user plausibly meant as a tag: a short name without surrounding spaces or punctuation runs.
const TAG_LIKE = /^[\p{L}\p{N}_](?:[\p{L}\p{N}_ .-]{0,38}[\p{L}\p{N}_])?$/u;

export function parseMergeFields(message: string, headers: string[]): MergeFields {
  const byName = new Map<string, number>();
  headers.forEach((h, i) => {
    const key = h.trim().toLowerCase();
    if (key && !h.includes('%') && !byName.has(key)) byName.set(key, i);
  });
  const tags: string[] = [];
  const columns: number[] = [];
  const unknown: string[] = [];
  let rewritten = '';
  let i = 0;
  while (i < message.length) {
    const open = message.indexOf('%', i);
    const close = open < 0 ? -1 : message.indexOf('%', open + 1);
    if (close < 0) {
      rewritten += message.slice(i);
      break;
    }
    const inner = message.slice(open + 1, close);
    const col = byName.get(inner.trim().toLowerCase());
    if (col !== undefined && !/[\r\n]/.test(inner)) {
      const tag = `%${headers[col]}%`;
      rewritten += message.slice(i, open) + tag;
      if (!columns.includes(col)) {
        tags.push(tag);
        columns.push(col);
      }
      i = close + 1;
    } else {
      // The first '%' is plain text; the second may still open a tag ("20% off for %name%").
      if (TAG_LIKE.test(inner) && !unknown.includes(`%${inner}%`)) unknown.push(`%${inner}%`);
      rewritten += message.slice(i, close);
      i = close;
    }
  }
  return { tags, columns, rewritten, unknown };
}

interface Template {
  literals: string[]; // literals.length === slots.length + 1
  slots: number[]; // index into tags/values
  literalTally: SmsTally; // all literals together
}

// One import renders one message 100k times: the last template is reused when the same strings
// come back (an identity check), a few more are kept by content.
let last: { rewritten: string; tags: string[]; template: Template } | null = null;
const templates = new Map<string, Template>();

function compile(rewritten: string, tags: string[]): Template {
  if (last && last.rewritten === rewritten && last.tags === tags) return last.template;
  const key = rewritten + '\u0000' + tags.join('\u0000');
  let template = templates.get(key);
  if (!template) {
    template = buildTemplate(rewritten, tags);
    if (templates.size >= 8) templates.delete(templates.keys().next().value as string);
    templates.set(key, template);
  }
  last = { rewritten, tags, template };
  return template;
}

function buildTemplate(rewritten: string, tags: string[]): Template {
  const literals: string[] = [];
  const slots: number[] = [];
  let start = 0;
  let i = rewritten.indexOf('%');
  while (i >= 0) {
    const t = tags.findIndex((tag) => rewritten.startsWith(tag, i));
    if (t >= 0) {
      literals.push(rewritten.slice(start, i));
      slots.push(t);
      start = i + tags[t].length;
      i = rewritten.indexOf('%', start);
    } else {
      i = rewritten.indexOf('%', i + 1);
    }
  }
  literals.push(rewritten.slice(start));
  const literalTally = emptyTally();
  for (const l of literals) addToTally(literalTally, l);
  return { literals, slots, literalTally };
}

/** The message one recipient gets: each tag replaced by its value, as GatewayAPI does. */
export function renderMessage(rewritten: string, tags: string[], values: readonly string[]): string {
  if (tags.length === 0) return rewritten;
  const { literals, slots } = compile(rewritten, tags);
  let out = literals[0];
  for (let k = 0; k < slots.length; k++) out += (values[slots[k]] ?? '') + literals[k + 1];
  return out;
}

const scratch = emptyTally();

/**
 * SMS parts of one recipient's message, from a row's cells (all columns), without building the
 * text unless a part boundary has to be found by walking it. Same answer as
 * smsParts(renderMessage(...)).
 */
export function mergedSmsParts(merge: Pick<MergeFields, 'rewritten' | 'tags' | 'columns'>, rowValues: readonly string[]): SmsParts {
  const { slots, literalTally } = compile(merge.rewritten, merge.tags);
  scratch.septets = literalTally.septets;
  scratch.units = literalTally.units;
  scratch.gsm = literalTally.gsm;
  scratch.extension = literalTally.extension;
  scratch.surrogates = literalTally.surrogates;
  for (let k = 0; k < slots.length; k++) addToTally(scratch, rowValues[merge.columns[slots[k]]] ?? '');
  const parts = partsFromTally(scratch);
  if (parts) return parts;
  const tagValues = merge.columns.map((c) => rowValues[c] ?? '');
  return smsParts(renderMessage(merge.rewritten, merge.tags, tagValues));
}
