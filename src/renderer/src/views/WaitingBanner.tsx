// While sending waits for the network or GatewayAPI: the true cause (host name not found, the proxy
// refused, GatewayAPI busy), the host or proxy, what to do, and when the next attempt really is.
import type { OutboxState } from '../../../shared/contract';
import type { Message } from '../../../shared/i18n/messages';
import { waitingCount } from '../format';
import { say } from '../i18n';
import { GatewayDetails } from './GatewayDetails';

export function WaitingBanner({ state }: { state: OutboxState }): React.JSX.Element | null {
  const queued = waitingCount(state);
  if (state.paused || !state.cause || queued === 0) return null;
  const text: Message = state.offline
    ? { code: 'outbox_offline', queued, retryInSec: state.retryInSec, cause: state.cause }
    : { code: 'outbox_busy', queued, retryInSec: state.retryInSec, cause: state.cause };
  return (
    <div className="banner banner-warn" role="status" data-testid="waiting-banner">
      {say(text)}
      <GatewayDetails message={state.cause} />
    </div>
  );
}
