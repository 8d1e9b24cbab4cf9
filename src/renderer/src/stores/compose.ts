// Compose + import: the message, the CSV file and its mapping, the import report, the estimate,
// and creating the campaign.
import { create } from 'zustand';
import type { Estimate, ImportPreview, ImportReport } from '../../../shared/contract';
import { ApiError, api, errorText, fieldErrors } from '../bridge';
import { fileToBase64, downloadText } from '../files';
import { localInputToUnix, scheduleProblem } from '../format';
import { t, currentLanguage } from '../i18n';

export type ImportPhase = 'none' | 'reading' | 'previewed' | 'analysing' | 'reported';

export interface ImportProgress {
  phase: 'parsing' | 'checking';
  done: number;
  total: number;
}

export interface Mapping {
  hasHeader: boolean;
  phoneColumn: number | null;
  defaultCountry: string;
}

interface ComposeStore {
  name: string;
  sender: string;
  message: string;
  phase: ImportPhase;
  preview: ImportPreview | null;
  mapping: Mapping;
  /** Main analyses in two passes, each reported from 0 to total: reading the CSV, then checking rows. */
  progress: ImportProgress | null;
  report: ImportReport | null;
  /** The message the report was computed for (merge/length checks depend on it). */
  reportMessage: string | null;
  importError: string | null;
  estimate: Estimate | null;
  estimateError: string | null;
  scheduleEnabled: boolean;
  scheduleAt: string;
  errors: Record<string, string>;
  sending: boolean;
  testStatus: { ok: boolean; text: string } | null;

  set(patch: Partial<Pick<ComposeStore, 'name' | 'sender' | 'message' | 'scheduleEnabled' | 'scheduleAt'>>): void;
  insertAt(text: string, start: number, end: number): number;
  chooseFile(file: File, defaultCountry: string): Promise<void>;
  setMapping(patch: Partial<Mapping>): void;
  analyse(): Promise<void>;
  cancelAnalyse(): Promise<void>;
  onProgress(p: { importId: string } & ImportProgress): void;
  downloadRejected(): Promise<void>;
  refreshEstimate(): Promise<void>;
  /** Checks what can be checked here before the confirmation opens; sets field errors, false if any. */
  validateForSend(nowMs: number): boolean;
  /** Asks main to create the campaign; main asks the user in its own dialog (ApiError 'declined' on no). */
  send(): Promise<{ campaignId: number; queued: number }>;
  /** A test to the number saved in Settings (main picks it; `shown` is only for the message). */
  sendTest(shown: string): Promise<void>;
  clearImport(): void;
}

const today = () => new Date().toISOString().slice(0, 10);

/** Everything a file brought in (and what was computed from it): cleared on a new file and on "choose another". */
const NO_IMPORT = {
  preview: null,
  report: null,
  reportMessage: null,
  estimate: null,
  estimateError: null,
  importError: null,
  progress: null,
} satisfies Partial<ComposeStore>;

// Only the newest analysis/estimate may write its answer (an older one can finish later).
let analyseSeq = 0;
let estimateSeq = 0;

export const useComposeStore = create<ComposeStore>((set, get) => ({
  name: t('send.defaultName', { date: today() }),
  sender: '',
  message: '',
  phase: 'none',
  preview: null,
  mapping: { hasHeader: true, phoneColumn: null, defaultCountry: 'DK' },
  progress: null,
  report: null,
  reportMessage: null,
  importError: null,
  estimate: null,
  estimateError: null,
  scheduleEnabled: false,
  scheduleAt: '',
  errors: {},
  sending: false,
  testStatus: null,

  set(patch) {
    const errors = { ...get().errors };
    for (const k of Object.keys(patch)) delete errors[k === 'scheduleAt' ? 'sendAt' : k];
    set({ ...patch, errors });
  },

  insertAt(text, start, end) {
    const m = get().message;
    const next = m.slice(0, start) + text + m.slice(end);
    get().set({ message: next });
    return start + text.length;
  },

  async chooseFile(file, defaultCountry) {
    analyseSeq++;
    set({ ...NO_IMPORT, phase: 'reading' });
    try {
      const dataBase64 = await fileToBase64(file);
      const preview = await api('import.preview', { fileName: file.name, dataBase64, defaultCountry });
      set({
        phase: 'previewed',
        preview,
        mapping: { hasHeader: preview.hasHeader, phoneColumn: preview.phoneColumn, defaultCountry },
      });
    } catch (e) {
      set({ phase: 'none', importError: errorText(e) });
    }
  },

  setMapping(patch) {
    analyseSeq++;
    // A changed mapping invalidates the report: the user confirms again.
    set((s) => ({
      mapping: { ...s.mapping, ...patch },
      phase: s.preview ? 'previewed' : 'none',
      report: null,
      reportMessage: null,
      estimate: null,
      progress: null,
    }));
  },

  async analyse() {
    const { preview, mapping, message } = get();
    if (!preview) return;
    if (mapping.phoneColumn == null) {
      set({ importError: t('import.chooseColumn') });
      return;
    }
    const seq = ++analyseSeq;
    set({ phase: 'analysing', importError: null, progress: { phase: 'parsing', done: 0, total: 1 } });
    try {
      const report = await api('import.analyse', {
        importId: preview.importId,
        hasHeader: mapping.hasHeader,
        phoneColumn: mapping.phoneColumn,
        defaultCountry: mapping.defaultCountry,
        message,
      });
      if (seq !== analyseSeq) return;
      set({ phase: 'reported', report, reportMessage: message, progress: null });
      void get().refreshEstimate();
    } catch (e) {
      if (seq !== analyseSeq) return;
      set({ phase: 'previewed', progress: null, importError: errorText(e) });
    }
  },

  async cancelAnalyse() {
    const { preview } = get();
    analyseSeq++;
    set({ phase: preview ? 'previewed' : 'none', progress: null, importError: t('import.cancelled') });
    if (preview) {
      try {
        await api('import.cancel', { importId: preview.importId });
      } catch {
        // Nothing to undo if main already finished: the report is dropped either way.
      }
    }
  },

  onProgress(p) {
    const { preview, phase } = get();
    if (phase === 'analysing' && preview && p.importId === preview.importId) {
      set({ progress: { phase: p.phase, done: p.done, total: p.total } });
    }
  },

  async downloadRejected() {
    const { preview } = get();
    if (!preview) return;
    try {
      const { fileName, csv } = await api('import.rejectedCsv', { importId: preview.importId, lang: currentLanguage() });
      downloadText(fileName, csv);
    } catch (e) {
      set({ importError: errorText(e) });
    }
  },

  async refreshEstimate() {
    const { preview, report, message } = get();
    if (!preview || !report) return;
    const seq = ++estimateSeq;
    try {
      const estimate = await api('campaign.estimate', { importId: preview.importId, message });
      if (seq === estimateSeq) set({ estimate, estimateError: null });
    } catch (e) {
      // A newer analysis (the user kept typing) aborts the one behind this estimate: not an error.
      if (seq === estimateSeq && get().phase !== 'analysing') set({ estimateError: errorText(e) });
    }
  },

  validateForSend(nowMs) {
    const { name, sender, message, scheduleEnabled, scheduleAt } = get();
    const errors: Record<string, string> = {};
    if (name.trim() === '') errors.name = t('send.errors.name');
    if (sender.trim() === '') errors.sender = t('send.errors.sender');
    if (message.trim() === '') errors.message = t('send.errors.message');
    const when = scheduleEnabled ? scheduleProblem(scheduleAt, nowMs) : null;
    if (when) errors.sendAt = when;
    set({ errors });
    return Object.keys(errors).length === 0;
  },

  async send() {
    const { preview, name, sender, message, scheduleEnabled, scheduleAt } = get();
    if (!preview) throw new ApiError({ kind: 'invalid_input', message: t('send.errors.chooseFile') });
    let sendAt: number | null = null;
    if (scheduleEnabled) {
      // Checked again here: the time may have passed while the confirmation was open.
      const problem = scheduleProblem(scheduleAt, Date.now());
      if (problem) {
        const err = new ApiError({ kind: 'invalid_input', message: problem, field: 'sendAt' });
        set({ errors: fieldErrors(err) });
        throw err;
      }
      sendAt = localInputToUnix(scheduleAt);
    }
    set({ sending: true, errors: {} });
    try {
      return await api('campaign.create', { importId: preview.importId, name, sender, message, sendAt });
    } catch (e) {
      set({ errors: fieldErrors(e) });
      throw e;
    } finally {
      set({ sending: false });
    }
  },

  async sendTest(shown) {
    const { sender, message } = get();
    set({ testStatus: null });
    try {
      await api('campaign.sendTest', { sender, message });
      set({ testStatus: { ok: true, text: t('send.testSent', { number: shown }) } });
    } catch (e) {
      set({ testStatus: { ok: false, text: errorText(e) } });
    }
  },

  clearImport() {
    analyseSeq++;
    set({ ...NO_IMPORT, phase: 'none', scheduleEnabled: false, scheduleAt: '', errors: {}, testStatus: null });
  },
}));
