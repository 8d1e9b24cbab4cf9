// Bridge calls about settings, the token and the mode.
import type { AppStatus, SettingsView } from '../../shared/contract';
import { AppError } from '../../shared/result';
import { resolveBaseUrl } from '../../core/gateway/baseUrl';
import type { Handlers } from '../dispatch';
import type { Settings } from '../../shared/contract';
import type { AppContext } from '../context';
import { requireYes } from '../confirm';
import { normaliseMsisdn, type CountryCode } from '../../core/importing';
import { forgetTokenInfo, recordTokenSaved, tokenInfo } from '../../core/secrets/tokenInfo';

export function settingsHandlers(ctx: AppContext) {
  const engine = () => ctx.folder.engine;
  const view = async (): Promise<SettingsView> => ({ settings: engine().settings(), app: await appStatus(ctx) });
  return {
    'settings.get': () => view(),
    'settings.update': async (input) => {
      const before = engine().settings();
      const patch = { ...input };
      checkCustomBaseUrl({ ...before, ...patch }, patch);
      if (patch.testNumber !== undefined)
        patch.testNumber = normaliseTestNumber(patch.testNumber, patch.defaultCountry ?? before.defaultCountry);
      // Main asks about what changes who may be reached: a new test number, quiet hours switched off.
      if (patch.testNumber != null && patch.testNumber !== before.testNumber) {
        await requireYes(ctx.confirm, { kind: 'testNumber', msisdn: patch.testNumber }, 'Settings not saved');
      }
      if (before.quietHours.enabled && patch.quietHours && !patch.quietHours.enabled) {
        const counts = engine().outboxState().counts;
        const queued = (counts.queued ?? 0) + (counts.retry_wait ?? 0);
        await requireYes(ctx.confirm, { kind: 'quietHoursOff', ...before.quietHours, queued }, 'Settings not saved');
      }
      engine().updateSettings(patch);
      return view();
    },
    'token.set': async ({ token }) => {
      if (ctx.folder.mode === 'demo') {
        throw new AppError('invalid_input', { code: 'demo_no_token' }, 'token');
      }
      // Whose account is it? Main names it in its own dialog before the token is stored: a script in
      // the window could otherwise swap in its own account's token.
      const check = await ctx.checkToken(token, engine().settings());
      if (check.refused) throw new AppError('invalid_input', { code: 'token_not_accepted', problem: check.problem ?? null }, 'token');
      const replacing = !!(await ctx.secrets.get().catch(() => null));
      await requireYes(ctx.confirm, { kind: 'replaceToken', account: check.account, problem: check.problem, replacing }, 'Token not saved');
      await ctx.secrets.set(token);
      recordTokenSaved(engine(), check.account ? true : null);
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

/** The test number in GatewayAPI's form (digits with country code), checked here in main. */
function normaliseTestNumber(raw: string | null, country: string): string | null {
  if (raw == null || raw.trim() === '') return null;
  const n = normaliseMsisdn(raw, country as CountryCode);
  if (!n.ok) throw new AppError('invalid_input', { code: 'test_number_invalid', problem: n.problem }, 'testNumber');
  return n.msisdn;
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
  if (!url.ok) throw new AppError('invalid_input', url.text, 'customBaseUrl');
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
    keychain: { ok: keychain.ok, problem: keychain.text ?? null },
    version: ctx.version,
    osLanguages: [...ctx.osLanguages],
  };
}
