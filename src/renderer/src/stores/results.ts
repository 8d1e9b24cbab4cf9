// One campaign's recipients, fetched page by page as the virtual list scrolls, and its attempts log.
import { create } from 'zustand';
import type { AttemptRow, RecipientRow } from '../../../shared/contract';
import { api, errorText } from '../bridge';
import type { ResultFilter } from '../constants';
import { downloadText } from '../files';
import { t, currentLanguage } from '../i18n';

export const PAGE_SIZE = 200;

interface ResultsStore {
  campaignId: number | null;
  search: string;
  filter: ResultFilter;
  total: number;
  pages: Record<number, RecipientRow[]>;
  /** Bumps whenever the query changes, so late answers for an old query are dropped. */
  generation: number;
  error: string | null;
  attempts: AttemptRow[] | null;
  attemptsError: string | null;
  actionMessage: string | null;

  select(campaignId: number | null): void;
  setSearch(search: string): void;
  setFilter(filter: ResultFilter): void;
  /** Makes sure the rows start..end (inclusive) are loaded or loading. */
  ensureRange(start: number, end: number): void;
  /** Refetch what is on screen after main reported a change (keeps old rows until then). */
  invalidate(): void;
  loadAttempts(): Promise<void>;
  resolve(recipientIds: number[] | null, action: 'resend' | 'mark_sent'): Promise<void>;
  exportCsv(campaignId: number): Promise<void>;
  setActionMessage(text: string | null): void;
}

const loading = new Set<string>();
let lastRange: [number, number] = [0, PAGE_SIZE - 1];

export const useResultsStore = create<ResultsStore>((set, get) => {
  async function fetchPage(page: number, generation: number): Promise<void> {
    const { campaignId, search, filter } = get();
    if (campaignId == null) return;
    const key = `${generation}:${page}`;
    if (loading.has(key)) return;
    loading.add(key);
    try {
      const res = await api('campaign.recipients', {
        campaignId,
        search,
        filter,
        offset: page * PAGE_SIZE,
        limit: PAGE_SIZE,
      });
      if (get().generation !== generation) return;
      set((s) => ({ total: res.total, pages: { ...s.pages, [page]: res.rows }, error: null }));
    } catch (e) {
      if (get().generation === generation) set({ error: errorText(e) });
    } finally {
      loading.delete(key);
    }
  }

  function restart(patch: Partial<ResultsStore>) {
    const generation = get().generation + 1;
    set({ ...patch, generation, pages: {}, total: 0, error: null });
    lastRange = [0, PAGE_SIZE - 1];
    void fetchPage(0, generation);
  }

  return {
    campaignId: null,
    search: '',
    filter: 'all',
    total: 0,
    pages: {},
    generation: 0,
    error: null,
    attempts: null,
    attemptsError: null,
    actionMessage: null,

    select(campaignId) {
      if (campaignId === get().campaignId) return;
      restart({ campaignId, search: '', filter: 'all', attempts: null, attemptsError: null, actionMessage: null });
    },
    setSearch: (search) => restart({ search }),
    setFilter: (filter) => restart({ filter }),

    ensureRange(start, end) {
      lastRange = [start, end];
      const { pages, generation } = get();
      for (let p = Math.floor(start / PAGE_SIZE); p <= Math.floor(end / PAGE_SIZE); p++) {
        if (!pages[p]) void fetchPage(p, generation);
      }
    },

    invalidate() {
      const generation = get().generation + 1;
      // Keep the rows on screen (no flicker) but let only answers of the new generation land.
      set({ generation });
      const [start, end] = lastRange;
      const first = Math.floor(start / PAGE_SIZE);
      const last = Math.max(first, Math.floor(end / PAGE_SIZE));
      set((s) => {
        const pages: Record<number, RecipientRow[]> = {};
        for (let p = first; p <= last; p++) if (s.pages[p]) pages[p] = s.pages[p];
        return { pages };
      });
      for (let p = first; p <= last; p++) void fetchPage(p, generation);
      if (get().attempts) void get().loadAttempts();
    },

    async loadAttempts() {
      const { campaignId } = get();
      if (campaignId == null) return;
      try {
        set({ attempts: await api('campaign.attempts', { campaignId }), attemptsError: null });
      } catch (e) {
        set({ attemptsError: errorText(e) });
      }
    },

    async resolve(recipientIds, action) {
      const { campaignId } = get();
      if (campaignId == null) return;
      try {
        const { changed } = await api('campaign.resolveUncertain', { campaignId, recipientIds, action });
        set({ actionMessage: t(action === 'resend' ? 'campaigns.requeued' : 'campaigns.markedSent', { count: changed }) });
      } catch (e) {
        set({ actionMessage: errorText(e) });
      }
      get().invalidate();
    },

    async exportCsv(campaignId) {
      try {
        const { fileName, csv } = await api('campaign.exportCsv', { campaignId, lang: currentLanguage() });
        downloadText(fileName, csv);
      } catch (e) {
        set({ actionMessage: errorText(e) });
      }
    },

    setActionMessage: (actionMessage) => set({ actionMessage }),
  };
});
