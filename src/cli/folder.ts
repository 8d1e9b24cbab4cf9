// Which data folder a command works on, and the guard that keeps demo and live sending apart.
import path from 'node:path';
import { defaultDataDir, demoDataDir } from '../core/folders/paths';
import { UsageError, type FolderOptions } from './args';

/** The app's folder (or SMS_OUTBOX_DATA_DIR), its demo folder with --demo, or --data-dir. */
export function resolveDataDir(o: FolderOptions, env: NodeJS.ProcessEnv): string {
  const live = path.resolve(defaultDataDir(env));
  const demo = path.resolve(demoDataDir(live));
  if (o.dataDir === null) return o.demo ? demo : live;
  const dir = path.resolve(o.dataDir);
  // Demo mode never shares a folder with real sending: a demo run on the live folder would "send"
  // its queue to the simulator, a live run on the demo folder would send demo messages for real.
  if (o.demo && dir === live) {
    throw new UsageError({ code: 'cli_demo_live_folder', dir });
  }
  if (!o.demo && dir === demo) {
    throw new UsageError({ code: 'cli_live_demo_folder', dir });
  }
  return dir;
}
