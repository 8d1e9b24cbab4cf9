// The one place that decides the data folder, shared by the Electron app (app.setPath('userData'))
// and the CLI, so both open the same outbox database.
import { homedir } from 'node:os';
import path from 'node:path';

const APP_DIR_NAME = 'sms-outbox';

export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  // Paths are built with the target platform's rules, so the result is right whatever runs the code.
  const p = platform === 'win32' ? path.win32 : path.posix;
  const override = env.SMS_OUTBOX_DATA_DIR?.trim();
  if (override) return p.resolve(override);
  if (platform === 'darwin') return p.join(home, 'Library', 'Application Support', APP_DIR_NAME);
  if (platform === 'win32') {
    const appData = env.APPDATA?.trim() || p.join(home, 'AppData', 'Roaming');
    return p.join(appData, APP_DIR_NAME);
  }
  // XDG: a relative XDG_CONFIG_HOME is invalid and must be ignored.
  const xdg = env.XDG_CONFIG_HOME?.trim();
  const configHome = xdg && p.isAbsolute(xdg) ? xdg : p.join(home, '.config');
  return p.join(configHome, APP_DIR_NAME);
}

/** Demo mode gets its own folder inside the live one: nothing queued in demo can reach GatewayAPI. */
export function demoDataDir(liveDir: string): string {
  return path.join(liveDir, 'demo');
}
