// The shell as a list of small modules, one concern each, enabled in order (after cawa-93's
// vite-electron-builder ModuleRunner). A module that cannot go on (the outbox did not open) says
// 'stop' and the ones after it never run.
import type { ShellContext } from './context';

export interface ShellModule {
  /** For the log line when a module fails. */
  readonly name: string;
  enable(ctx: ShellContext): void | 'stop' | Promise<void | 'stop'>;
}

/** Enables the modules one after another, each after the previous one has finished. */
export async function runModules(ctx: ShellContext, modules: readonly ShellModule[]): Promise<void> {
  for (const m of modules) {
    if ((await m.enable(ctx)) === 'stop') return;
  }
}
