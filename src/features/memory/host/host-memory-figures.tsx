import { useTranslation } from 'react-i18next';
import { formatMemory } from '../../../components/format/bytes';
import type { HostMemoryBreakdown } from '../../../xapi/rules/host-memory';

interface Props {
  breakdown: HostMemoryBreakdown;
  /** The host as it would be after a change being edited. */
  preview?: HostMemoryBreakdown;
}

const percent = (ratio: number) => `${Math.round(ratio * 100)}%`;

/**
 * The figures beside a host's bar: total, used, available (total − Xen − Σ dynamic
 * minimum: what could still start with every guest squeezed) and overcommit
 * ((Σ dynamic maximum + Xen) / total), with where a change being edited would take them.
 */
export function HostMemoryFigures({ breakdown, preview }: Props) {
  const { t } = useTranslation('memory');
  const after = (now: string, next: string | undefined) =>
    next === undefined || next === now ? now : t('figures.after', { now, next });
  return (
    <dl className="memory-figures">
      <dt>{t('figures.total')}</dt>
      <dd>{formatMemory(breakdown.totalBytes)}</dd>
      <dt>{t('figures.used')}</dt>
      <dd>{formatMemory(breakdown.usedBytes)}</dd>
      <dt>{t('figures.available')}</dt>
      <dd>{after(formatMemory(breakdown.availableBytes), preview && formatMemory(preview.availableBytes))}</dd>
      <dt>{t('figures.overcommit')}</dt>
      <dd className={breakdown.overcommit > 1 ? 'memory-overcommitted' : undefined}>
        {after(percent(breakdown.overcommit), preview && percent(preview.overcommit))}
      </dd>
    </dl>
  );
}
