import { useTranslation } from 'react-i18next';
import { XapiErrorText } from '../../components/errors/xapi-error-text';
import { MasterLoginError } from '../../xapi/connection';
import { TransportError } from '../../xapi/transport';
import { XapiError } from '../../xapi/xapi-error';

interface Props {
  error: unknown;
  /** What the person typed, or the simulator's label. */
  address: string;
}

/**
 * Why a login failed, in the words the connect screen needs: a wrong password, a pool
 * member (followed to its master, and what went wrong there), or a pool the browser
 * cannot reach, told apart by what the console's proxy answered (403: not a pool it
 * serves; 404: no proxy at all). Anything else is XAPI's error in words.
 */
export function LoginError({ error, address }: Props) {
  const { t } = useTranslation('connect');
  if (error instanceof MasterLoginError) {
    return (
      <>
        {t('errors.masterFailed', { address, master: error.master })}{' '}
        <LoginError error={error.cause} address={error.master} />
      </>
    );
  }
  if (error instanceof XapiError && error.code === 'SESSION_AUTHENTICATION_FAILED') return t('errors.wrongPassword');
  if (error instanceof XapiError && error.code === 'HOST_IS_SLAVE') {
    return t('errors.poolMember', { address, master: error.params[0] });
  }
  if (error instanceof TransportError) {
    if (error.status === 403) return t('errors.notProxied', { address });
    if (error.status === 404) return t('errors.noProxy', { address });
    return t('errors.unreachable', { address, detail: error.message });
  }
  return <XapiErrorText error={error} />;
}
