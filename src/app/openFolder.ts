// The one way to open a data folder, shared by the app (and so the e2e harness) and the CLI: the
// engine for the folder and, in demo mode, the simulator its gateway talks to. The core only ever
// sees a gateway factory; which gateway (real or simulated) is decided here.
import { Engine, type EngineOptions, type GatewayFactory } from '../core/engine';
import type { MessageOf } from '../shared/i18n/messages';
import type { FetchFn } from '../core/types';
import type { Mode } from '../shared/contract';
import type { Simulator } from '../simulator';
import { DEMO_DEFAULTS, demoGateway, startDemoSimulator, type DemoTimings } from './demo';

export interface OpenFolderOptions {
  dataDir: string;
  mode: Mode;
  fetch: FetchFn;
  /** Live mode's clients (token, base URL); demo mode uses the simulator instead. */
  liveGateway: GatewayFactory;
  /** 'read': only to look (no gateway, no simulator even in demo mode). Default 'send'. */
  purpose?: 'send' | 'read';
  demo?: DemoTimings;
  /** Everything else the engine takes (clock, logger, events, settings override, …). */
  engine?: Omit<EngineOptions, 'dataDir' | 'gateway'>;
}

export interface OpenedFolder {
  readonly dataDir: string;
  readonly mode: Mode;
  readonly engine: Engine;
  readonly simulator: Simulator | null;
  /** Why nothing may be sent from here (the folder belongs to the other mode), else null. */
  readonly conflict: MessageOf<'folder_mode_conflict'> | null;
  close(): Promise<void>;
}

const noGateway: GatewayFactory = async () => null;

export async function openFolder(o: OpenFolderOptions): Promise<OpenedFolder> {
  const reading = o.purpose === 'read';
  const simulator = o.mode === 'demo' && !reading ? await startDemoSimulator(o.demo) : null;
  try {
    const engine = new Engine({
      ...o.engine,
      dataDir: o.dataDir,
      gateway: reading ? noGateway : simulator ? demoGateway(simulator, o.fetch) : o.liveGateway,
      ...(simulator
        ? { pollScheduleMs: o.demo?.pollScheduleMs ?? [...DEMO_DEFAULTS.pollScheduleMs], validityMs: DEMO_DEFAULTS.validityMs }
        : {}),
    });
    let closing: Promise<void> | null = null;
    const closeBoth = async () => {
      try {
        await engine.close();
      } finally {
        await simulator?.close();
      }
    };
    return {
      dataDir: o.dataDir,
      mode: o.mode,
      engine,
      simulator,
      conflict: engine.folderModeConflict(o.mode),
      // Idempotent: the app may be closed by its quit guard and by a signal.
      close: () => (closing ??= closeBoth()),
    };
  } catch (e) {
    await simulator?.close();
    throw e;
  }
}
