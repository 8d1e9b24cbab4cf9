// Saved messages ("templates"): name + text, kept in the data folder's database by main.
import { create } from 'zustand';
import type { MessageTemplate } from '../../../shared/contract';
import { api, errorText, fieldErrors } from '../bridge';
import { t } from '../i18n';

interface TemplatesStore {
  templates: MessageTemplate[];
  loaded: boolean;
  /** Field errors of the last save ('name', 'text' or '' for anything else). */
  errors: Record<string, string>;
  status: { ok: boolean; text: string } | null;
  load(): Promise<void>;
  /** Saves a new template (no id) or replaces one's text/name; resolves with it, or null on error. */
  save(t: { id?: number | null; name: string; text: string }): Promise<MessageTemplate | null>;
  remove(id: number): Promise<void>;
  clearErrors(): void;
}

export const useTemplatesStore = create<TemplatesStore>((set, get) => ({
  templates: [],
  loaded: false,
  errors: {},
  status: null,

  async load() {
    try {
      set({ templates: await api('template.list', {}), loaded: true });
    } catch (e) {
      set({ loaded: true, status: { ok: false, text: errorText(e) } });
    }
  },

  async save(input) {
    set({ errors: {}, status: null });
    try {
      const saved = await api('template.save', { id: input.id ?? null, name: input.name, text: input.text });
      await get().load();
      set({ status: { ok: true, text: t(input.id != null ? 'templates.updated' : 'templates.saved', { name: saved.name }) } });
      return saved;
    } catch (e) {
      set({ errors: fieldErrors(e) });
      return null;
    }
  },

  async remove(id) {
    const name = get().templates.find((x) => x.id === id)?.name ?? '';
    try {
      await api('template.delete', { id });
      await get().load();
      set({ status: { ok: true, text: t('templates.deleted', { name }) } });
    } catch (e) {
      set({ status: { ok: false, text: errorText(e) } });
    }
  },

  clearErrors: () => set({ errors: {} }),
}));
