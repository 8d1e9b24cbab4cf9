// Bridge calls about settings, the token and the mode.
import type { AppStatus, SettingsView } from '../../shared/contract';
import { AppError } from '../../shared/result';
import { resolveBaseUrl } from '../../core/gateway/baseUrl';
import type { Handlers } from '../dispatch';
import type { Settings } from '../../shared/contract';
import type { AppContext } from '../context';
import { forgetTokenInfo, recordTokenSaved, tokenInfo } from '../../core/secrets/tokenInfo';

export function settingsHandlers(ctx: AppContext) {
  const engine = () => ctx.folder.engine;
  const view = async (): Promise<SettingsView> => ({ settings: engine().settings(), app: await appStatus(ctx) });
  return {
    'settings.get': () => view(),
    'settings.update': async (patch) => {
      checkCustomBaseUrl({ ...engine().settings(), ...patch }, patch);
      engine().updateSettings(patch);
      return view();
    },
    'token.set': async ({ token }) => {
      if (ctx.folder.mode === 'demo') {
        throw new AppError('invalid_input', 'Demo mode uses the built-in simulator; switch to live mode to set a token.', 'token');
      }
      await ctx.secrets.set(token);
      recordTokenSaved(engine(), null);
      engine().onTokenChanged();
      return view();
    },
    'token.clear': async () => {
      await ctx.secrets.clear();
      forgetTokenInfo(engine());
      engine().resetGateway();
      return view();
    },
    'mode.set': async ({ mode }) => {
      if (await ctx.folder.switchTo(mode)) ctx.emit('outbox.changed', { campaignIds: [] });
      return view();
    },
  } satisfies Partial<Handlers>;
}

/**
 * A custom base URL from the window may name only this computer or GatewayAPI (resolveBaseUrl),
 * also when stored for later with another platform chosen: the token goes wherever it points.
 */
function checkCustomBaseUrl(next: Settings, patch: Partial<Settings>): void {
  const storedForLater = patch.customBaseUrl != null && patch.customBaseUrl !== '';
  if (next.platform !== 'custom' && !storedForLater) return;
  if (patch.platform !== 'custom' && patch.customBaseUrl === undefined) return;
  const url = resolveBaseUrl('custom', next.customBaseUrl);
  if (!url.ok) throw new AppError('invalid_input', url.message, 'customBaseUrl');
}

async function appStatus(ctx: AppContext): Promise<AppStatus> {
  const demo = ctx.folder.mode === 'demo';
  const token = demo ? null : await ctx.secrets.get().catch(() => null);
  const keychain = ctx.secrets.status();
  return {
    mode: ctx.folder.mode,
    dataDir: ctx.folder.dataDir,
    // Never a character of the token (not even the last four: a start for guessing the rest).
    token: { set: demo || !!token, ...(demo || !token ? { savedAt: null, accepted: null } : tokenInfo(ctx.folder.engine)) },
    keychain: { ok: keychain.ok, message: keychain.message },
    version: ctx.version,
  };
}
