// The menu a packaged build shows: copy/paste, Window, Help → About; no DevTools or reload.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { aboutBox, aboutText, menuTemplate } from './menu';
import type { Message } from '../shared/i18n/messages';
import { translate } from '../shared/i18n/translate';

const about = {
  name: 'SMS Outbox',
  version: '1.2.3',
  dataDir: '/home/anna/.config/sms-outbox',
  logFile: '/home/anna/.config/sms-outbox/sms-outbox.log',
};

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

describe('menuTemplate', () => {
  for (const platform of ['linux', 'win32', 'darwin'] as const) {
    it(`packaged on ${platform}: Edit, Window and Help → About; no DevTools, no reload`, () => {
      let opened = 0;
      const menu = menuTemplate({ platform, isPackaged: true, about, onAbout: () => opened++ });
      const all = flatten(menu);
      const roles = all.map((i) => i.role).filter(Boolean);
      expect(roles).toEqual(expect.arrayContaining(['copy', 'paste', 'cut', 'selectAll', 'undo', 'minimize', 'close', 'quit']));
      expect(roles).not.toContain('toggleDevTools');
      expect(roles).not.toContain('reload');
      expect(roles).not.toContain('forceReload');
      expect(menu.map((m) => m.label ?? m.role)).toEqual(
        platform === 'darwin' ? ['SMS Outbox', 'Edit', 'Window', 'Help'] : ['File', 'Edit', 'Window', 'Help'],
      );
      const aboutItem = all.find((i) => i.label === 'About SMS Outbox');
      (aboutItem?.click as () => void)();
      expect(opened).toBe(1);
    });
  }

  it('a development run adds View with reload and DevTools', () => {
    const roles = flatten(menuTemplate({ platform: 'linux', isPackaged: false, about, onAbout: () => {} })).map((i) => i.role);
    expect(roles).toContain('toggleDevTools');
  });

  it("every label is in the user's language: none is left unwrapped in the pseudo-language", () => {
    for (const platform of ['linux', 'darwin'] as const) {
      const say = (m: Message) => translate('pseudo', m);
      const items = flatten(menuTemplate({ platform, isPackaged: false, about, onAbout: () => {}, say }));
      const labels = items.filter((i) => i.type !== 'separator').map((i) => i.label ?? '');
      for (const l of labels) if (l !== about.name) expect(l).toMatch(/^⟦.+⟧$/);
      const box = aboutBox(say);
      for (const t of [box.title, ...box.buttons, aboutText(about, say).detail]) expect(t).toMatch(/^⟦[\s\S]+⟧$/);
    }
    const sv = flatten(menuTemplate({ platform: 'linux', isPackaged: true, about, onAbout: () => {}, say: (m) => translate('sv', m) }));
    expect(sv.map((i) => i.label)).toEqual(expect.arrayContaining(['Arkiv', 'Redigera', 'Kopiera', 'Klistra in', 'Om SMS Outbox']));
  });

  it('About names the version, the data folder and the log file', () => {
    expect(aboutText(about)).toEqual({
      message: 'SMS Outbox 1.2.3',
      detail: 'Data folder: /home/anna/.config/sms-outbox\nLog file: /home/anna/.config/sms-outbox/sms-outbox.log',
    });
  });
});
