// Credit and currency, from account.get/refresh and pushed 'account.changed' events.
import { create } from 'zustand';
import type { AccountView } from '../../../shared/contract';
import { api, errorText } from '../bridge';

interface AccountStore {
  account: AccountView | null;
  refreshing: boolean;
  error: string | null;
  load(): Promise<void>;
  refresh(): Promise<void>;
  set(account: AccountView): void;
}

export const useAccountStore = create<AccountStore>((set) => ({
  account: null,
  refreshing: false,
  error: null,
  async load() {
    try {
      set({ account: await api('account.get', {}), error: null });
    } catch (e) {
      set({ error: errorText(e) });
    }
  },
  async refresh() {
    set({ refreshing: true });
    try {
      set({ account: await api('account.refresh', {}), error: null });
    } catch (e) {
      set({ error: errorText(e) });
    } finally {
      set({ refreshing: false });
    }
  },
  set: (account) => set({ account }),
}));
