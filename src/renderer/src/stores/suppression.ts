// The suppression list (opt-outs): numbers that are never sent to.
import { create } from 'zustand';
import type { CallOutput, SuppressionRow } from '../../../shared/contract';
import { api, errorText } from '../bridge';
import { fileToBase64 } from '../files';
import { t } from '../i18n';

const LIMIT = 200;

interface SuppressionStore {
  search: string;
  rows: SuppressionRow[];
  total: number;
  error: string | null;
  message: string | null;
  invalid: CallOutput<'suppression.add'>['invalid'];
  load(more?: boolean): Promise<void>;
  setSearch(search: string): void;
  add(numbersText: string, reason: string): Promise<boolean>;
  remove(msisdn: string): Promise<void>;
  importFile(file: File): Promise<void>;
}

let seq = 0;

export const useSuppressionStore = create<SuppressionStore>((set, get) => ({
  search: '',
  rows: [],
  total: 0,
  error: null,
  message: null,
  invalid: [],

  async load(more = false) {
    const my = ++seq;
    const offset = more ? get().rows.length : 0;
    try {
      const res = await api('suppression.list', { search: get().search, offset, limit: LIMIT });
      if (my !== seq) return;
      set((s) => ({ rows: more ? [...s.rows, ...res.rows] : res.rows, total: res.total, error: null }));
    } catch (e) {
      if (my === seq) set({ error: errorText(e) });
    }
  },

  setSearch(search) {
    set({ search });
    void get().load();
  },

  async add(numbersText, reason) {
    const numbers = numbersText
      .split(/[\n,;]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    if (numbers.length === 0) {
      set({ message: null, error: t('suppression.enterOne') });
      return false;
    }
    try {
      const res = await api('suppression.add', { numbers, reason: reason.trim() || null });
      set({ message: t('suppression.added', { count: res.added }), invalid: res.invalid, error: null });
      await get().load();
      return res.invalid.length === 0;
    } catch (e) {
      set({ error: errorText(e) });
      return false;
    }
  },

  async remove(msisdn) {
    try {
      await api('suppression.remove', { msisdn });
      set({ message: t('suppression.removed', { number: msisdn }), error: null });
      await get().load();
    } catch (e) {
      set({ error: errorText(e) });
    }
  },

  async importFile(file) {
    try {
      const res = await api('suppression.import', { fileName: file.name, dataBase64: await fileToBase64(file) });
      set({ message: t('suppression.addedFrom', { count: res.added, file: file.name }), invalid: res.invalid, error: null });
      await get().load();
    } catch (e) {
      set({ error: errorText(e) });
    }
  },
}));
