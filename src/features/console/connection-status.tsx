import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import type { ConsoleOwnerClass } from './console-choice';
import type { LinkState } from './console-link';

interface Props {
  state: LinkState;
  /** Whose console: a host's is its control domain's, which stops only when the host does. */
  owner: ConsoleOwnerClass;
  onRetry(): void;
}

/**
 * The console's connection in words, with the way to try again now when it is down.
 * Only the state is in the live region, so a screen reader hears each change once; the
 * countdown to the next try sits beside it, to read, not announced every second.
 */
export function ConnectionStatus({ state, owner, onRetry }: Props) {
  const { t } = useTranslation('console');
  let words: string;
  if (state.kind === 'waiting') words = t(state.refused ? 'state.waitingRefused' : 'state.waiting');
  else if (state.kind === 'disconnected' && owner === 'host') words = t('state.disconnectedHost');
  else words = t(`state.${state.kind}`);
  const retryLabel = state.kind === 'waiting' ? t('state.reconnectNow') : t('state.tryAgain');
  return (
    <div className={`console-status console-status-${state.kind}`}>
      <p role="status">{words}</p>
      {state.kind === 'waiting' && <p>{t('state.nextTry', { count: state.seconds })}</p>}
      {(state.kind === 'waiting' || state.kind === 'refused' || state.kind === 'sessionEnded') && (
        <Button onClick={onRetry}>{retryLabel}</Button>
      )}
    </div>
  );
}
