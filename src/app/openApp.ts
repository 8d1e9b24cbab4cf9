// The composition root behind the window's bridge, shared by the Electron shell and the e2e
// harness: it opens the data folder of the current mode and answers every bridge call through one
// validated dispatcher built from the per-domain handler modules. Wiring only; the logic is in core.
import { translate } from '../shared/i18n/translate';
import type { Dispatch } from '../shared/contract';
import { createDispatch, type Handlers } from './dispatch';
import type { Engine } from '../core/engine';
import { ImportSessions } from '../core/importing/sessions';
import { liveGateway } from '../core/liveGateway';
import { Redactor, redactingLogger, rememberingSecrets } from '../core/secrets/redact';
import type { SecretStore } from '../core/secrets/secretStore';
import { systemClock, silentLogger, type Clock, type FetchFn, type Logger } from '../core/types';
import type { Simulator } from '../simulator';
import { ActiveFolder } from './activeFolder';
import { throttleIds, type AppContext, type Emit } from './context';
import type { DemoTimings } from './demo';
import { accountHandlers } from './handlers/account';
import { campaignHandlers } from './handlers/campaigns';
import { composeHandlers } from './handlers/compose';
import { importHandlers } from './handlers/imports';
import { settingsHandlers } from './handlers/settings';
import { suppressionHandlers } from './handlers/suppression';
import { openFolder } from './openFolder';
import { confirmNothing, type Confirm } from './confirm';
import { tokenChecker } from './tokenCheck';

export interface AppOptions {
  /** The live data folder (demo data lives in its own folder inside it). */
  dataDir: string;
  fetch: FetchFn;
  secrets: SecretStore;
  /** Events to the window, typed by name (EventPayloads). */
  emit: Emit;
  clock?: Clock;
  logger?: Logger;
  version?: string;
  /** Demo timings (tests shorten them). */
  demo?: DemoTimings;
  /** The OS's preferred languages, passed to the window (which cannot read them itself in every OS). */
  osLanguages?: readonly string[];
  /**
   * Main's own question before money or trust changes hands: the shell shows a native dialog, the
   * e2e harness answers through its stand-in. Without one, nothing that needs a yes happens.
   */
  confirm?: Confirm;
}

export interface SmsOutboxApp {
  dispatch: Dispatch;
  wake(): void;
  close(): Promise<void>;
  /** For tests and the harness. */
  readonly engine: Engine;
  readonly simulator: Simulator | null;
}

export async function openApp(opts: AppOptions): Promise<SmsOutboxApp> {
  const clock = opts.clock ?? systemClock;
  // The token never reaches the window, logs or SQLite, not even a piece of it (core/secrets/redact.ts):
  // the redactor learns every token that passes through the store.
  const redactor = new Redactor();
  const secrets = rememberingSecrets(opts.secrets, redactor);
  await secrets.get().catch(() => null);
  const logger = redactingLogger(opts.logger ?? silentLogger, redactor);
  // Events and answers to the window are NOT redacted on their way out: text the window sent itself
  // (a saved message, an import's cells) must come back unchanged, or "[redacted]" in the echo tells
  // a script which of its guesses is a piece of the token. Outside text is scrubbed where it enters
  // instead: the gateway client's answers and errors (liveGateway), the log (redactingLogger).
  const emit = opts.emit;
  const gateway = liveGateway({ fetch: opts.fetch, token: () => secrets.get(), redactor });
  const folder: ActiveFolder = new ActiveFolder(
    opts.dataDir,
    (mode, dataDir) =>
      openFolder({
        dataDir,
        mode,
        fetch: opts.fetch,
        liveGateway: gateway,
        demo: opts.demo,
        engine: {
          clock,
          logger,
          on: {
            changed: throttleIds((ids) => emit('outbox.changed', { campaignIds: ids }), 250),
            account: () => emit('account.changed', folder.engine.accountView()),
            notice: (level, key, text) => emit('notice', { level, key, text, message: translate('en', text) }),
          },
        },
      }),
    (problem) => emit('notice', { level: 'error', key: 'folder-mode', text: problem, message: translate('en', problem) }),
  );
  await folder.start();

  const ctx: AppContext = {
    folder,
    imports: new ImportSessions(),
    secrets,
    clock,
    logger,
    version: opts.version ?? '0.0.0',
    osLanguages: opts.osLanguages ?? [],
    emit,
    confirm: opts.confirm ?? confirmNothing,
    checkToken: tokenChecker(opts.fetch, redactor),
    changed: (ids) => {
      folder.engine.wake();
      emit('outbox.changed', { campaignIds: ids });
    },
  };
  const handlers: Handlers = {
    ...settingsHandlers(ctx),
    ...accountHandlers(ctx),
    ...importHandlers(ctx),
    ...campaignHandlers(ctx),
    ...suppressionHandlers(ctx),
    ...composeHandlers(ctx),
  };
  const dispatch = createDispatch(handlers, logger);
  return {
    dispatch: async (name, input) => {
      const result = await dispatch(name, input);
      // An unexpected exception's text is not ours to vouch for (it never echoes a whole input).
      if (!result.ok && result.error.kind === 'internal') return { ok: false, error: redactor.deep(result.error) };
      return result;
    },
    wake: () => folder.engine.wake(),
    close: () => folder.close(),
    get engine() {
      return folder.engine;
    },
    get simulator() {
      return folder.simulator;
    },
  };
}
