// Imports held in memory between "preview" (file read, columns guessed), "analyse" (the user's
// mapping applied, every row checked) and "create" (stored as a campaign). Nothing touches SQLite
// until the user sends, so a bad file can never leave half a campaign behind.
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/result';
import type { ImportPreview, ImportReport, RejectKind } from '../../shared/contract';
import { REJECT_KINDS } from '../../shared/contract';
import type { NewCampaign } from '../outbox/campaigns';
import { analyseImport, type ImportAnalysis } from './import';
import { guessMapping } from './mapping';
import { readCsvFile, type CsvFile } from './read';

export interface HeldImport {
  id: string;
  fileName: string;
  /** Read once at preview; the analysis reuses the rows. */
  file: CsvFile;
  fileHash: string;
  preview: ImportPreview;
  analysis: ImportAnalysis | null;
  /** The inputs the analysis was made with; re-analysed when they change. */
  analysedWith: { hasHeader: boolean; phoneColumn: number; defaultCountry: string; message: string; suppressionSize: number } | null;
  controller: AbortController | null;
}

const MAX_HELD = 5;
/** Files read or checked while one is busy: a few may wait, the rest are told to try later. */
export const MAX_WAITING_IMPORTS = 2;

/**
 * One import job (reading a file, checking its rows) at a time: each holds a file of up to 20 MB and
 * every row it makes, so five at once could exhaust main's memory. Others wait their turn, up to
 * `maxWaiting`; beyond that the call is refused with a sentence saying why.
 */
export class OneAtATime {
  private busy = false;
  private readonly queue: (() => void)[] = [];
  constructor(private readonly maxWaiting: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.busy) {
      if (this.queue.length >= this.maxWaiting) {
        throw new AppError('conflict', { code: 'imports_busy', waiting: this.queue.length });
      }
      await new Promise<void>((turn) => this.queue.push(turn));
    } else {
      this.busy = true;
    }
    try {
      return await work();
    } finally {
      const next = this.queue.shift();
      if (next) next();
      else this.busy = false;
    }
  }
}

export class ImportSessions {
  private readonly held = new Map<string, HeldImport>();
  private readonly gate: OneAtATime;

  constructor(options: { maxWaiting?: number } = {}) {
    this.gate = new OneAtATime(options.maxWaiting ?? MAX_WAITING_IMPORTS);
  }

  async preview(
    fileName: string,
    bytes: Uint8Array,
    alreadyImported: (hash: string) => ImportPreview['alreadyImported'],
  ): Promise<ImportPreview> {
    // The same reader as the analysis and suppression files: one set of limits and messages.
    const file = await this.gate.run(() => readCsvFile(bytes, { fileName }));
    const { rows, encoding, delimiter, fileHash } = file;
    const mapping = guessMapping(rows);
    const id = randomUUID();
    const preview: ImportPreview = {
      importId: id,
      fileName,
      encoding,
      delimiter: delimiter === '\t' ? 'tab' : delimiter,
      hasHeader: mapping.hasHeader,
      headers: mapping.headers,
      phoneColumn: mapping.phoneColumn,
      nameColumn: mapping.nameColumn,
      sampleRows: rows.slice(mapping.hasHeader ? 1 : 0, (mapping.hasHeader ? 1 : 0) + 5),
      totalRows: rows.length - (mapping.hasHeader ? 1 : 0),
      alreadyImported: alreadyImported(fileHash),
    };
    this.held.set(id, { id, fileName, file, fileHash, preview, analysis: null, analysedWith: null, controller: null });
    while (this.held.size > MAX_HELD) this.held.delete(this.held.keys().next().value as string);
    return preview;
  }

  get(id: string): HeldImport {
    const h = this.held.get(id);
    if (!h) throw new AppError('not_found', { code: 'import_gone' }, 'importId');
    return h;
  }

  async analyse(
    id: string,
    args: { hasHeader: boolean; phoneColumn: number; defaultCountry: string; message: string; maxParts: number },
    suppressed: Set<string>,
    onProgress: (done: number, total: number, phase: 'parsing' | 'checking') => void,
  ): Promise<ImportAnalysis> {
    const h = this.get(id);
    const w = h.analysedWith;
    if (
      h.analysis &&
      w &&
      w.hasHeader === args.hasHeader &&
      w.phoneColumn === args.phoneColumn &&
      w.defaultCountry === args.defaultCountry &&
      w.message === args.message &&
      w.suppressionSize === suppressed.size
    ) {
      return h.analysis;
    }
    h.controller?.abort();
    const controller = new AbortController();
    h.controller = controller;
    try {
      const analysis = await this.gate.run(() => {
        // Cancelled (or superseded by a newer analysis) while waiting for its turn.
        if (controller.signal.aborted) throw new AppError('import', { code: 'import_cancelled' });
        return analyseImport({
          file: h.file,
          fileName: h.fileName,
          defaultCountry: args.defaultCountry,
          message: args.message,
          mapping: { hasHeader: args.hasHeader, phoneColumn: args.phoneColumn },
          isSuppressed: (m) => suppressed.has(m),
          maxParts: args.maxParts,
          onProgress,
          signal: controller.signal,
        });
      });
      h.analysis = analysis;
      h.analysedWith = { ...args, suppressionSize: suppressed.size };
      return analysis;
    } catch (e) {
      if (controller.signal.aborted) throw new AppError('import', { code: 'import_cancelled' });
      throw e;
    } finally {
      if (h.controller === controller) h.controller = null;
    }
  }

  cancel(id: string): void {
    this.held.get(id)?.controller?.abort();
  }

  discard(id: string): void {
    this.cancel(id);
    this.held.delete(id);
  }
}

export function reportOf(importId: string, a: ImportAnalysis): ImportReport {
  const counts = Object.fromEntries(REJECT_KINDS.map((k) => [k, a.counts[k] ?? 0])) as Record<RejectKind, number>;
  const examples: ImportReport['examples'] = {};
  for (const r of a.rejected) {
    const list = (examples[r.kind] ??= []);
    if (list.length < 5) list.push({ rowNo: r.rowNo, message: r.message, text: r.text, raw: r.raw.slice(0, 20) });
  }
  let gsm7 = 0;
  let ucs2 = 0;
  let parts = 0;
  for (const r of a.accepted) {
    if (r.encoding === 'UCS2') ucs2++;
    else gsm7++;
    parts += r.parts;
  }
  return {
    importId,
    totalRows: a.totalRows,
    accepted: a.accepted.length,
    counts,
    examples,
    merge: { tags: a.merge?.tags ?? [], unknown: a.merge?.unknown ?? [] },
    encodings: { gsm7, ucs2 },
    parts,
  };
}

/** An analysed import as a campaign to store: the one mapping both the app and the CLI use. */
export function campaignFromAnalysis(
  a: ImportAnalysis,
  c: {
    name: string;
    sender: string;
    sendAt: number | null;
    fileName: string | null;
    fileHash: string | null;
    estimateCost: number | null;
    currency: string | null;
  },
): NewCampaign {
  const { merge, nameColumn } = a;
  return {
    ...c,
    message: merge.rewritten,
    tags: merge.tags,
    recipients: a.accepted.map((r) => ({
      rowNo: r.rowNo,
      msisdn: r.msisdn,
      country: r.country,
      name: nameColumn != null ? (r.values[nameColumn] ?? '') : null,
      tagvalues: merge.tags.length ? merge.columns.map((col) => r.values[col] ?? '') : null,
      encoding: r.encoding,
      parts: r.parts,
    })),
  };
}
