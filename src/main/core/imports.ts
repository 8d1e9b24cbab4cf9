// Imports held in memory between "preview" (file read, columns guessed), "analyse" (the user's
// mapping applied, every row checked) and "create" (stored as a campaign). Nothing touches SQLite
// until the user sends, so a bad file can never leave half a campaign behind.
import { randomUUID, createHash } from 'node:crypto';
import { AppError } from '../../shared/result';
import type { ImportPreview, ImportReport, RejectKind } from '../../shared/contract';
import { REJECT_KINDS } from '../../shared/contract';
import type { NewCampaign } from './outbox/campaigns';
import {
  analyseImport,
  decodeCsvBytes,
  guessMapping,
  parseCsvAsync,
  sniffDelimiter,
  MAX_IMPORT_BYTES,
  ImportError,
  type ImportAnalysis,
} from './importing';

export interface HeldImport {
  id: string;
  fileName: string;
  bytes: Uint8Array;
  fileHash: string;
  preview: ImportPreview;
  analysis: ImportAnalysis | null;
  /** The inputs the analysis was made with; re-analysed when they change. */
  analysedWith: { hasHeader: boolean; phoneColumn: number; defaultCountry: string; message: string; suppressionSize: number } | null;
  controller: AbortController | null;
}

const MAX_HELD = 5;

export class ImportSessions {
  private readonly held = new Map<string, HeldImport>();

  async preview(
    fileName: string,
    bytes: Uint8Array,
    alreadyImported: (hash: string) => ImportPreview['alreadyImported'],
  ): Promise<ImportPreview> {
    if (bytes.byteLength > MAX_IMPORT_BYTES) {
      throw new ImportError(
        'too_large',
        `${fileName} is ${(bytes.byteLength / 1048576).toFixed(1)} MB; files up to ${MAX_IMPORT_BYTES / 1048576} MB can be imported. Split it into smaller files.`,
      );
    }
    const { text, encoding } = decodeCsvBytes(bytes);
    const delimiter = sniffDelimiter(text);
    // Chunked parse: a 20 MB file must not freeze the main process while it is previewed.
    const { rows } = await parseCsvAsync(text, delimiter);
    const mapping = guessMapping(rows);
    const fileHash = createHash('sha256').update(bytes).digest('hex');
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
    this.held.set(id, { id, fileName, bytes, fileHash, preview, analysis: null, analysedWith: null, controller: null });
    while (this.held.size > MAX_HELD) this.held.delete(this.held.keys().next().value as string);
    return preview;
  }

  get(id: string): HeldImport {
    const h = this.held.get(id);
    if (!h) throw new AppError('not_found', 'That import is no longer open: choose the file again.', 'importId');
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
      const analysis = await analyseImport({
        bytes: h.bytes,
        fileName: h.fileName,
        defaultCountry: args.defaultCountry,
        message: args.message,
        mapping: { hasHeader: args.hasHeader, phoneColumn: args.phoneColumn },
        isSuppressed: (m) => suppressed.has(m),
        maxParts: args.maxParts,
        onProgress,
        signal: controller.signal,
      });
      h.analysis = analysis;
      h.analysedWith = { ...args, suppressionSize: suppressed.size };
      return analysis;
    } catch (e) {
      if (controller.signal.aborted) throw new AppError('import', 'Import cancelled.');
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
    if (list.length < 5) list.push({ rowNo: r.rowNo, message: r.message, raw: r.raw.slice(0, 20) });
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
      name: nameColumn != null ? (r.values[nameColumn] ?? null) : null,
      tagvalues: merge.tags.length ? merge.columns.map((col) => r.values[col] ?? '') : null,
      encoding: r.encoding,
      parts: r.parts,
    })),
  };
}
