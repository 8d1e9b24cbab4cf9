// The application menu, and its About box (version, data folder and log file, with buttons to open them).
import { app, dialog, Menu, shell } from 'electron';
import { aboutText, menuTemplate } from '../menu';
import type { ShellContext } from './context';
import type { ShellModule } from './runner';

function showAbout(ctx: ShellContext): void {
  const text = aboutText({ name: 'SMS Outbox', version: app.getVersion(), dataDir: ctx.dataDir, logFile: ctx.logFile });
  const box = { type: 'info' as const, title: 'About SMS Outbox', ...text, buttons: ['OK', 'Open data folder', 'Open log file'] };
  void (ctx.win ? dialog.showMessageBox(ctx.win, box) : dialog.showMessageBox(box)).then(({ response }) => {
    if (response === 1) void shell.openPath(ctx.dataDir);
    if (response === 2) void shell.openPath(ctx.logFile);
  });
}

export const applicationMenu: ShellModule = {
  name: 'application menu',
  enable(ctx) {
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate({
          platform: process.platform,
          isPackaged: app.isPackaged,
          about: { name: 'SMS Outbox', version: app.getVersion(), dataDir: ctx.dataDir, logFile: ctx.logFile },
          onAbout: () => showAbout(ctx),
        }),
      ),
    );
  },
};
