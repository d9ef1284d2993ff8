import { useTranslation } from 'react-i18next';
import { describeXapiError } from './describe-xapi-error';
import { objectName } from './object-name';
import { phraseText } from './phrase-text';

interface Props {
  /** Anything a call threw: XapiError, TransportError or something unexpected. */
  error: unknown;
}

/**
 * An error as a sentence, naming the objects it refers to, with XAPI's raw code and
 * params behind a disclosure for support.
 */
export function XapiErrorText({ error }: Props) {
  const { t, i18n } = useTranslation('errors');
  const description = describeXapiError(error);
  return (
    <span className="xapi-error">
      <span>{phraseText(t, i18n.language, description, objectName)}</span>
      {description.code && (
        <details className="xapi-error-details">
          <summary>{t('details')}</summary>
          <dl>
            <dt>{t('code')}</dt>
            <dd>
              <code>{description.code}</code>
            </dd>
            {description.params.length > 0 && (
              <>
                <dt>{t('params')}</dt>
                <dd>
                  <code>{description.params.join(', ')}</code>
                </dd>
              </>
            )}
          </dl>
        </details>
      )}
    </span>
  );
}
