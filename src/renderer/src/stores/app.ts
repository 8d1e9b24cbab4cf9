// Settings, app status (mode, token hint, keychain), navigation and notices.
import { create } from 'zustand';
import type { AppStatus, Mode, Notice, Settings, SettingsView } from '../../../shared/contract';
import { api, errorText } from '../bridge';
import { applyLanguage } from '../i18n';

export type View = 'compose' | 'outbox' | 'suppression' | 'settings';
const VIEWS: readonly string[] = ['compose', 'outbox', 'suppression', 'settings'] satisfies View[];
/** The last view is restored once per start, not on every reload of the settings. */
let viewRestored = false;

interface AppStore {
  view: View;
  settings: Settings | null;
  app: AppStatus | null;
  loadError: string | null;
  notices: Notice[];
  setView(view: View): void;
  load(): Promise<void>;
  apply(view: SettingsView): void;
  updateSettings(patch: Partial<Settings>): Promise<void>;
  setToken(token: string): Promise<void>;
  clearToken(): Promise<void>;
  setMode(mode: Mode): Promise<void>;
  addNotice(notice: Notice): void;
  dismissNotice(key: string): void;
}

/** Listeners run after the mode changes (the data folder changes with it, so everything reloads). */
const modeListeners = new Set<() => void>();
export function onModeChanged(fn: () => void): () => void {
  modeListeners.add(fn);
  return () => modeListeners.delete(fn);
}

export const useAppStore = create<AppStore>((set, get) => ({
  view: 'compose',
  settings: null,
  app: null,
  loadError: null,
  notices: [],
  setView: (view) => {
    set({ view });
    // Remembered with the settings for the next start; failing to remember it is not worth a message.
    void api('settings.update', { lastView: view }).catch(() => {});
  },
  async load() {
    try {
      const v = await api('settings.get', {});
      const last = v.settings.lastView;
      if (!viewRestored && last && VIEWS.includes(last)) set({ view: last as View });
      viewRestored = true;
      get().apply(v);
      set({ loadError: null });
    } catch (e) {
      set({ loadError: errorText(e) });
    }
  },
  apply: (v) => {
    applyLanguage(v.settings.language, v.app.osLanguages);
    set({ settings: v.settings, app: v.app });
  },
  async updateSettings(patch) {
    get().apply(await api('settings.update', patch));
  },
  async setToken(token) {
    get().apply(await api('token.set', { token }));
  },
  async clearToken() {
    get().apply(await api('token.clear', {}));
  },
  async setMode(mode) {
    const language = get().settings?.language;
    get().apply(await api('mode.set', { mode }));
    // Demo and live keep settings in separate data folders; the language is the person's, not the
    // folder's: carry an explicit choice over instead of flipping back to the system language.
    if (language && language !== 'system' && get().settings?.language !== language) {
      get().apply(await api('settings.update', { language }));
    }
    for (const fn of modeListeners) fn();
  },
  addNotice: (notice) =>
    // One notice per key: a repeated warning replaces the old one instead of stacking.
    set((s) => ({ notices: [...s.notices.filter((n) => n.key !== notice.key), notice].slice(-5) })),
  dismissNotice: (key) => set((s) => ({ notices: s.notices.filter((n) => n.key !== key) })),
}));
