// Which data folder a command works on, and the guard that keeps demo and live sending apart.
import path from 'node:path';
import { defaultDataDir, demoDataDir } from '../main/core/paths';
import { UsageError, type FolderOptions } from './args';

export type FolderMode = 'live' | 'demo';

/** The app's folder (or SMS_OUTBOX_DATA_DIR), its demo folder with --demo, or --data-dir. */
export function resolveDataDir(o: FolderOptions, env: NodeJS.ProcessEnv): string {
  const live = path.resolve(defaultDataDir(env));
  const demo = path.resolve(demoDataDir(live));
  if (o.dataDir === null) return o.demo ? demo : live;
  const dir = path.resolve(o.dataDir);
  // Demo mode never shares a folder with real sending: a demo run on the live folder would "send"
  // its queue to the simulator, a live run on the demo folder would send demo messages for real.
  if (o.demo && dir === live) {
    throw new UsageError(`--demo cannot use the live data folder (${dir}); leave out --data-dir to use the demo folder.`);
  }
  if (!o.demo && dir === demo) {
    throw new UsageError(`${dir} is the demo data folder; add --demo, or choose another --data-dir for real sending.`);
  }
  return dir;
}

/** A folder remembers which mode first sent from it; the other mode is refused there. */
export function checkFolderMode(recorded: unknown, mode: FolderMode, dir: string): void {
  if (recorded !== 'live' && recorded !== 'demo') return;
  if (recorded === mode) return;
  throw new UsageError(
    recorded === 'demo'
      ? `${dir} holds demo campaigns: sending from it for real could send demo messages to real numbers. Use another --data-dir, or add --demo.`
      : `${dir} holds real campaigns: a demo run there would hand their queue to the simulator. Use another --data-dir for the demo.`,
  );
}
