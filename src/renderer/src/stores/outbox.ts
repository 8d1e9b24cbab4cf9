// The outbox state (paused/offline/counts) and the campaign list, refreshed on 'outbox.changed'.
import { create } from 'zustand';
import type { CampaignSummary, OutboxState } from '../../../shared/contract';
import { api, errorText } from '../bridge';
import { coalesce } from '../coalesce';

interface OutboxStore {
  state: OutboxState | null;
  campaigns: CampaignSummary[];
  loaded: boolean;
  error: string | null;
  refresh(): Promise<void>;
  pauseAll(): Promise<void>;
  resumeAll(): Promise<void>;
  replaceCampaign(c: CampaignSummary): void;
}

export const useOutboxStore = create<OutboxStore>((set, get) => {
  const refresh = coalesce(async () => {
    try {
      const [state, campaigns] = await Promise.all([api('outbox.state', {}), api('campaign.list', {})]);
      set({ state, campaigns, loaded: true, error: null });
    } catch (e) {
      set({ error: errorText(e), loaded: true });
    }
  });
  return {
    state: null,
    campaigns: [],
    loaded: false,
    error: null,
    refresh,
    async pauseAll() {
      set({ state: await api('outbox.pause', {}) });
    },
    async resumeAll() {
      set({ state: await api('outbox.resume', {}) });
      void get().refresh();
    },
    replaceCampaign: (c) => set((s) => ({ campaigns: s.campaigns.map((x) => (x.id === c.id ? c : x)) })),
  };
});
