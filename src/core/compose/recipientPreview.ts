// The message as one real recipient of an analysed import receives it: step through the accepted
// rows (first, next, a chosen file row) and find the campaign's longest message. Reads the analysis
// the user just made; nothing is stored.
import type { RecipientPreview } from '../../shared/contract';
import { AppError } from '../../shared/result';
import { smsParts } from '../../shared/sms';
import { renderMessage, type ImportAnalysis } from '../importing';

/** The accepted row with the most parts (the first of equals): computed once per analysis. */
const longestOf = new WeakMap<ImportAnalysis, number>();

function longestIndex(a: ImportAnalysis): number {
  let best = longestOf.get(a);
  if (best === undefined) {
    best = 0;
    for (let i = 1; i < a.accepted.length; i++) if (a.accepted[i].parts > a.accepted[best].parts) best = i;
    longestOf.set(a, best);
  }
  return best;
}

/**
 * `index` counts accepted recipients from 0 (clamped to the list); `rowNo` picks a file row instead
 * (header = row 1, as in the report and the results). `longest` shows the longest message.
 */
export function previewRecipient(a: ImportAnalysis, at: { index?: number; rowNo?: number; longest?: boolean }): RecipientPreview {
  const total = a.accepted.length;
  const base = { total, longest: null as RecipientPreview['longest'] };
  let index: number;
  if (at.rowNo != null) {
    index = a.accepted.findIndex((r) => r.rowNo === at.rowNo);
    if (index < 0) {
      const rejected = a.rejected.find((r) => r.rowNo === at.rowNo);
      if (rejected)
        return {
          ...base,
          index: null,
          rowNo: at.rowNo,
          msisdn: null,
          text: null,
          encoding: null,
          parts: 0,
          chars: 0,
          rejected: rejected.message,
          rejectedText: rejected.text,
        };
      throw new AppError('not_found', { code: 'preview_row_missing', rowNo: at.rowNo }, 'rowNo');
    }
  } else {
    if (total === 0) throw new AppError('not_found', { code: 'preview_nothing' }, 'rowNo');
    index = at.longest ? longestIndex(a) : Math.min(Math.max(0, at.index ?? 0), total - 1);
  }
  const row = a.accepted[index];
  const { merge } = a;
  const text = renderMessage(
    merge.rewritten,
    merge.tags,
    merge.columns.map((c) => row.values[c] ?? ''),
  );
  const parts = smsParts(text);
  const li = longestIndex(a);
  const l = a.accepted[li];
  return {
    total,
    index,
    rowNo: row.rowNo,
    msisdn: row.msisdn,
    text,
    encoding: parts.encoding,
    parts: parts.parts,
    chars: parts.chars,
    rejected: null,
    rejectedText: null,
    longest: { index: li, rowNo: l.rowNo, parts: l.parts },
  };
}
