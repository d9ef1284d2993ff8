import { useTranslation } from 'react-i18next';
import { checkText } from './check-text';
import type { MemoryCheck } from './memory-checks';

/** Each kind shows once, but for input errors (one per field) and host checks (one per host). */
function checkKey(check: MemoryCheck): string {
  if (check.kind === 'input') return `input-${check.field}`;
  if (check.kind === 'headroom' || check.kind === 'restart-fit') return `${check.kind}-${check.host}`;
  return check.kind;
}

interface Props {
  checks: readonly MemoryCheck[];
  /** The list's id, for the fields and the Apply button to point at. */
  id: string;
}

/**
 * The rules of a memory change, each met or not, in sentences with their figures. They
 * follow every drag and keystroke; those not met keep Apply from sending anything.
 */
export function MemoryChecksList({ checks, id }: Props) {
  const { t } = useTranslation('memory');
  return (
    <ul id={id} className="memory-checks" aria-label={t('check.label')}>
      {checks.map((check) => (
        <li key={checkKey(check)} className={check.met ? 'check-met' : 'check-unmet'}>
          <span className="check-mark" aria-hidden="true">
            {check.met ? '✓' : '✗'}
          </span>
          <span className="visually-hidden">{t(check.met ? 'check.metPrefix' : 'check.unmetPrefix')}</span>
          {checkText(t, check)}
        </li>
      ))}
    </ul>
  );
}
