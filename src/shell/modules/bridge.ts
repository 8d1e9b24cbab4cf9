// The window's calls reach the core's dispatch, only from the one trusted window (see ../ipc).
import { ipcMain } from 'electron';
import { bindIpc } from '../ipc';
import type { ShellModule } from './runner';

export const bridge: ShellModule = {
  name: 'bridge',
  enable(ctx) {
    const core = ctx.core;
    if (!core) return 'stop';
    bindIpc(ipcMain, { dispatch: (name, input) => core.dispatch(name, input), getWindow: () => ctx.win, rendererUrl: ctx.files.url });
  },
};
