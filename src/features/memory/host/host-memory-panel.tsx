import { memo, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../app/routes';
import { hostMemoryBreakdown, type RangeChange, settledMemory, withRangeChange } from '../../../xapi/rules/host-memory';
import { useHostMemoryInput } from '../use-host-memory-input';
import { HostMemoryBar } from './host-memory-bar';
import { HostMemoryFigures } from './host-memory-figures';

interface Props {
  poolId: string;
  hostRef: string;
  hostName: string;
  /** A range being edited on one of the host's guests: the bar and figures show where it would lead. */
  preview?: RangeChange;
}

/**
 * One host's memory bar with its figures; with a preview, the host as the change would
 * leave it. Memoised: an editor re-rendering for a keystroke does not redraw the host.
 */
export const HostMemoryPanel = memo(function HostMemoryPanel({ poolId, hostRef, hostName, preview }: Props) {
  const { t } = useTranslation('memory');
  const input = useHostMemoryInput(poolId, hostRef);
  const names = useMemo(
    () => new Map(input?.guests.map((guest) => [guest.ref, guest.vm.name_label] as const) ?? []),
    [input],
  );
  const uuids = useMemo(
    () => new Map(input?.guests.map((guest) => [guest.ref, guest.vm.uuid] as const) ?? []),
    [input],
  );
  const hrefOf = useCallback(
    (ref: string) => {
      const uuid = uuids.get(ref);
      return uuid ? paths.object(poolId, 'VM', uuid, 'memory') : undefined;
    },
    [uuids, poolId],
  );
  const breakdown = useMemo(() => (input ? hostMemoryBreakdown(hostRef, input) : undefined), [input, hostRef]);
  const previewed = useMemo(() => {
    if (!input || !preview) return undefined;
    const changed = withRangeChange(input, preview);
    return { breakdown: hostMemoryBreakdown(hostRef, changed), settled: settledMemory(hostRef, changed) };
  }, [input, hostRef, preview]);
  if (!breakdown) return <p role="status">{t('loading')}</p>;
  return (
    <div className="host-memory-panel">
      <HostMemoryBar
        label={t(previewed ? 'bar.labelPreview' : 'bar.label', { host: hostName })}
        hrefOf={hrefOf}
        breakdown={previewed?.breakdown ?? breakdown}
        settled={previewed?.settled}
        names={names}
        highlight={preview?.ref}
      />
      <HostMemoryFigures breakdown={breakdown} preview={previewed?.breakdown} />
    </div>
  );
});
