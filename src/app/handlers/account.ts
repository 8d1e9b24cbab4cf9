// Bridge calls about the GatewayAPI account (credit) and the outbox as a whole (pause, resume).
import type { Handlers } from '../dispatch';
import type { AppContext } from '../context';

export function accountHandlers(ctx: AppContext) {
  const engine = () => ctx.folder.engine;
  return {
    'account.get': () => engine().accountView(),
    'account.refresh': async () => {
      await engine().refreshCredit();
      return engine().accountView();
    },

    'outbox.state': () => engine().outboxState(),
    'outbox.pause': () => {
      engine().pause('user', 'Paused by you.', null);
      return engine().outboxState();
    },
    'outbox.resume': () => {
      engine().resume();
      return engine().outboxState();
    },
  } satisfies Partial<Handlers>;
}
