// The application menu: Edit (so copy and paste work, also on macOS), Window, Help → About. The
// View menu with reload and DevTools exists only in a development run, never in a packaged build.
// Every label comes from the catalogs (Electron's own role labels are English on Linux and Windows).
import type { MenuItemConstructorOptions } from 'electron';
import type { Message, MenuItem } from '../shared/i18n/messages';
import { translate } from '../shared/i18n/translate';

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
  /** Words in main's language (Settings, else the OS); English when absent. */
  say?: (m: Message) => string;
}

const english = (m: Message) => translate('en', m);

/** The About box's text: what a user (or support) needs to find their data and the log. */
export function aboutText(info: AboutInfo, say: (m: Message) => string = english): { message: string; detail: string } {
  return {
    message: `${info.name} ${info.version}`,
    detail: say({ code: 'about_detail', dataDir: info.dataDir, logFile: info.logFile }),
  };
}

/** The About box's title and buttons (OK, open data folder, open log file). */
export function aboutBox(say: (m: Message) => string = english): { title: string; buttons: string[] } {
  const item = (i: MenuItem) => say({ code: 'menu', item: i });
  return { title: say({ code: 'about_title' }), buttons: [item('ok'), item('openDataFolder'), item('openLogFile')] };
}

export function menuTemplate(opts: MenuOptions): MenuItemConstructorOptions[] {
  const say = opts.say ?? english;
  const label = (item: MenuItem) => say({ code: 'menu', item });
  const role = (r: MenuItem & MenuItemConstructorOptions['role']): MenuItemConstructorOptions => ({ role: r, label: label(r) });
  const mac = opts.platform === 'darwin';
  const about: MenuItemConstructorOptions = { label: label('about'), click: () => opts.onAbout() };
  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: opts.about.name,
      submenu: [about, { type: 'separator' }, role('hide'), role('hideOthers'), role('unhide'), { type: 'separator' }, role('quit')],
    });
  } else {
    template.push({ label: label('file'), submenu: [role('quit')] });
  }
  template.push({
    label: label('edit'),
    submenu: [role('undo'), role('redo'), { type: 'separator' }, role('cut'), role('copy'), role('paste'), role('selectAll')],
  });
  if (!opts.isPackaged) {
    template.push({ label: label('view'), submenu: [role('reload'), role('forceReload'), role('toggleDevTools')] });
  }
  template.push({
    label: label('window'),
    submenu: mac ? [role('minimize'), role('zoom'), role('close')] : [role('minimize'), role('close')],
  });
  template.push({ role: 'help', label: label('help'), submenu: [about] });
  return template;
}
