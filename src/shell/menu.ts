// The application menu: Edit (so copy and paste work, also on macOS), Window, Help → About. The
// View menu with reload and DevTools exists only in a development run, never in a packaged build.
import type { MenuItemConstructorOptions } from 'electron';

export interface AboutInfo {
  name: string;
  version: string;
  dataDir: string;
  logFile: string;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  about: AboutInfo;
  onAbout: () => void;
}

/** The About box's text: what a user (or support) needs to find their data and the log. */
export function aboutText(info: AboutInfo): { message: string; detail: string } {
  return {
    message: `${info.name} ${info.version}`,
    detail: `Data folder: ${info.dataDir}\nLog file: ${info.logFile}`,
  };
}

export function menuTemplate(opts: MenuOptions): MenuItemConstructorOptions[] {
  const mac = opts.platform === 'darwin';
  const about: MenuItemConstructorOptions = { label: `About ${opts.about.name}`, click: () => opts.onAbout() };
  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: opts.about.name,
      submenu: [
        about,
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  } else {
    template.push({ label: 'File', submenu: [{ role: 'quit' }] });
  }
  template.push({
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  });
  if (!opts.isPackaged) {
    template.push({ label: 'View', submenu: [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }] });
  }
  template.push({
    label: 'Window',
    submenu: mac ? [{ role: 'minimize' }, { role: 'zoom' }, { role: 'close' }] : [{ role: 'minimize' }, { role: 'close' }],
  });
  template.push({ role: 'help', submenu: [about] });
  return template;
}
