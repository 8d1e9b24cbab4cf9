// The application menu, and its About box (version, data folder and log file, with buttons to open
// them), in main's language (./language): built at start, and again once Settings are readable.
import { app, dialog, Menu, shell } from 'electron';
import { aboutBox, aboutText, menuTemplate } from '../menu';
import type { ShellContext } from './context';
import { sayFor } from './language';
import type { ShellModule } from './runner';

function showAbout(ctx: ShellContext): void {
  const say = sayFor(ctx);
  const text = aboutText({ name: 'SMS Outbox', version: app.getVersion(), dataDir: ctx.dataDir, logFile: ctx.logFile }, say);
  const box = { type: 'info' as const, ...aboutBox(say), ...text };
  void (ctx.win ? dialog.showMessageBox(ctx.win, box) : dialog.showMessageBox(box)).then(({ response }) => {
    if (response === 1) void shell.openPath(ctx.dataDir);
    if (response === 2) void shell.openPath(ctx.logFile);
  });
}

export function setApplicationMenu(ctx: ShellContext): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({
        platform: process.platform,
        isPackaged: app.isPackaged,
        about: { name: 'SMS Outbox', version: app.getVersion(), dataDir: ctx.dataDir, logFile: ctx.logFile },
        onAbout: () => showAbout(ctx),
        say: sayFor(ctx),
      }),
    ),
  );
}

export const applicationMenu: ShellModule = {
  name: 'application menu',
  enable(ctx) {
    setApplicationMenu(ctx);
  },
};
