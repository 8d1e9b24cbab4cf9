// The outbox state (paused/offline/counts) and one page of the campaign list (search, state filter,
// "show more"), refreshed on 'outbox.changed'; and the actions on one campaign.
import { create } from 'zustand';
import type { CallInput, CampaignSummary, OutboxState } from '../../../shared/contract';
import { api, errorText } from '../bridge';
import { coalesce } from '../coalesce';

export type CampaignStatusFilter = NonNullable<CallInput<'campaign.page'>['status']>;
export const CAMPAIGN_FILTERS = ['all', 'active', 'paused', 'done', 'cancelled'] as const satisfies readonly CampaignStatusFilter[];

/** Campaigns fetched per "page"; "Show more" fetches the next. */
export const CAMPAIGN_PAGE = 30;

interface OutboxStore {
  state: OutboxState | null;
  campaigns: CampaignSummary[];
  /** Campaigns matching the search and filter (the list shows the first `limit`). */
  total: number;
  search: string;
  status: CampaignStatusFilter;
  limit: number;
  loaded: boolean;
  error: string | null;
  refresh(): Promise<void>;
  setSearch(search: string): void;
  setStatus(status: CampaignStatusFilter): void;
  showMore(): void;
  pauseAll(): Promise<void>;
  resumeAll(): Promise<void>;
  replaceCampaign(c: CampaignSummary): void;
  pauseCampaign(id: number): Promise<void>;
  resumeCampaign(id: number): Promise<void>;
  cancelCampaign(id: number): Promise<void>;
  cancelScheduled(id: number): Promise<{ cancelled: number; alreadySent: number }>;
  resendFailed(id: number): Promise<number>;
  /** Discards a campaign the app stopped storing half-way. */
  discardHalfStored(id: number): Promise<void>;
}

export const useOutboxStore = create<OutboxStore>((set, get) => {
  let seq = 0;
  const refresh = coalesce(async () => {
    const my = ++seq;
    const { search, status, limit } = get();
    try {
      const [state, page] = await Promise.all([api('outbox.state', {}), api('campaign.page', { search, status, offset: 0, limit })]);
      if (my !== seq) return;
      set({ state, campaigns: page.campaigns, total: page.total, loaded: true, error: null });
    } catch (e) {
      if (my === seq) set({ error: errorText(e), loaded: true });
    }
  });
  const requery = (patch: Partial<OutboxStore>) => {
    set(patch);
    void refresh();
  };
  const act = async (fn: () => Promise<CampaignSummary>) => {
    get().replaceCampaign(await fn());
    void refresh();
  };
  return {
    state: null,
    campaigns: [],
    total: 0,
    search: '',
    status: 'all',
    limit: CAMPAIGN_PAGE,
    loaded: false,
    error: null,
    refresh,
    setSearch: (search) => requery({ search, limit: CAMPAIGN_PAGE }),
    setStatus: (status) => requery({ status, limit: CAMPAIGN_PAGE }),
    showMore: () => requery({ limit: get().limit + CAMPAIGN_PAGE }),
    async pauseAll() {
      set({ state: await api('outbox.pause', {}) });
    },
    async resumeAll() {
      set({ state: await api('outbox.resume', {}) });
      void get().refresh();
    },
    replaceCampaign: (c) => set((s) => ({ campaigns: s.campaigns.map((x) => (x.id === c.id ? c : x)) })),
    pauseCampaign: (campaignId) => act(() => api('campaign.pause', { campaignId })),
    resumeCampaign: (campaignId) => act(() => api('campaign.resume', { campaignId })),
    cancelCampaign: (campaignId) => act(() => api('campaign.cancel', { campaignId })),
    async cancelScheduled(campaignId) {
      const r = await api('campaign.cancelScheduled', { campaignId });
      void refresh();
      return r;
    },
    async resendFailed(campaignId) {
      const r = await api('campaign.resendFailed', { campaignId });
      void refresh();
      return r.requeued;
    },
    async discardHalfStored(campaignId) {
      await api('campaign.discardHalfStored', { campaignId });
      await refresh();
    },
  };
});
