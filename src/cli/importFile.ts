// Reads and checks a CSV file with the app's own import code (ImportSessions → analyseImport), and
// turns an accepted import into the campaign the app would create from it.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { ImportSessions, reportOf, campaignFromAnalysis } from '../core/importing/sessions';
import { isCountryCode, type ImportAnalysis } from '../core/importing';
import type { NewCampaign } from '../core/outbox/campaigns';
import type { ImportPreview, ImportReport } from '../shared/contract';
import { UsageError } from './args';
import { resolvePhoneColumn } from './columns';
import { say } from './language';

export interface CheckedFile {
  fileName: string;
  fileHash: string;
  preview: ImportPreview;
  analysis: ImportAnalysis;
  report: ImportReport;
}

export interface CheckOptions {
  file: { path: string; bytes: Uint8Array };
  phoneColumn: string | null;
  country: string;
  message: string;
  maxParts: number;
  suppressed: Set<string>;
  alreadyImported?: (hash: string) => ImportPreview['alreadyImported'];
}

/** Read before any data folder is opened, so a wrong path changes nothing anywhere. */
export async function readCsv(path: string): Promise<{ path: string; bytes: Uint8Array }> {
  try {
    return { path, bytes: await readFile(path) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'missing' : code === 'EISDIR' ? 'folder' : code === 'EACCES' ? 'denied' : 'other';
    throw new UsageError({ code: 'cli_cannot_read', path, why, detail: code ?? String(e) });
  }
}

export async function checkFile(o: CheckOptions): Promise<CheckedFile> {
  if (!isCountryCode(o.country)) {
    throw new UsageError({ code: 'file_bad_country', country: o.country });
  }
  const { bytes } = o.file;
  const fileName = basename(o.file.path);
  const sessions = new ImportSessions();
  const preview = await sessions.preview(fileName, bytes, o.alreadyImported ?? (() => null));
  const phoneColumn = resolvePhoneColumn(o.phoneColumn, {
    fileName,
    headers: preview.headers,
    hasHeader: preview.hasHeader,
    guessed: preview.phoneColumn,
  });
  const analysis = await sessions.analyse(
    preview.importId,
    { hasHeader: preview.hasHeader, phoneColumn, defaultCountry: o.country, message: o.message, maxParts: o.maxParts },
    o.suppressed,
    () => {},
  );
  return {
    fileName,
    fileHash: sessions.get(preview.importId).fileHash,
    preview,
    analysis,
    report: reportOf(preview.importId, analysis),
  };
}

/** Placeholders that name no column: sent literally they would read "Hi %fornavn%". */
export function unknownFieldsError(f: CheckedFile): UsageError | null {
  const unknown = f.analysis.merge?.unknown ?? [];
  if (unknown.length === 0) return null;
  const tags = unknown.map((u) => `%${u.replace(/^%|%$/g, '')}%`);
  return new UsageError({ code: 'cli_unknown_fields', tags, fileName: f.fileName, columns: f.analysis.headers });
}

/** The same campaign the app's "campaign.create" stores from an import. */
export function campaignFrom(f: CheckedFile, c: { name: string; sender: string; message: string }): NewCampaign {
  return campaignFromAnalysis(f.analysis, {
    name: c.name,
    sender: c.sender,
    sendAt: null,
    fileName: f.fileName,
    fileHash: f.fileHash,
    estimateCost: null,
    currency: null,
  });
}

/** Every rejected row, for `import --json` (the reason in the CLI's language, `kind` for scripts). */
export function rejectedRows(f: CheckedFile): { row: number; kind: string; reason: string; cells: string[] }[] {
  return f.analysis.rejected.map((r) => ({ row: r.rowNo, kind: r.kind, reason: say(r.text), cells: r.raw }));
}
