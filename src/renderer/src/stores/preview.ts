// The compose preview: one real recipient's merged message at a time (first, next, a file row, the
// longest), fetched from main's analysis of the file the user just checked.
import { create } from 'zustand';
import type { RecipientPreview } from '../../../shared/contract';
import { api, errorText } from '../bridge';

type At = { index: number } | { rowNo: number } | { longest: true };

interface PreviewStore {
  importId: string | null;
  current: RecipientPreview | null;
  error: string | null;
  show(importId: string, at: At): Promise<void>;
  next(step: 1 | -1): Promise<void>;
  reset(): void;
}

let seq = 0;

export const usePreviewStore = create<PreviewStore>((set, get) => ({
  importId: null,
  current: null,
  error: null,

  async show(importId, at) {
    const my = ++seq;
    try {
      const current = await api('import.previewRecipient', { importId, ...at });
      if (my === seq) set({ importId, current, error: null });
    } catch (e) {
      if (my === seq) set({ importId, error: errorText(e) });
    }
  },

  async next(step) {
    const { importId, current } = get();
    if (!importId || !current) return;
    const from = current.index ?? 0;
    const index = Math.min(Math.max(0, from + step), Math.max(0, current.total - 1));
    await get().show(importId, { index });
  },

  reset() {
    seq++;
    set({ importId: null, current: null, error: null });
  },
}));
