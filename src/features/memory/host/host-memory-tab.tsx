import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useRecord } from '../../../store/mirror-store';
import { useHostMemoryInput } from '../use-host-memory-input';
import { HostMemoryPanel } from './host-memory-panel';
import { HostVmRows } from './host-vm-rows';

/** A host's Memory tab: its bar and figures, then its VMs with their ranges. */
export function HostMemoryTab({ poolId, hostRef }: { poolId: string; hostRef: string }) {
  const { t } = useTranslation('memory');
  const host = useRecord(poolId, 'host', hostRef);
  const input = useHostMemoryInput(poolId, hostRef);
  const headingId = useId();
  const vmsHeadingId = useId();
  if (!host || !input) return <p role="status">{t('loading')}</p>;
  return (
    <div className="memory-tab">
      <section className="memory-section" aria-labelledby={headingId}>
        <h2 id={headingId}>{t('heading')}</h2>
        <HostMemoryPanel poolId={poolId} hostRef={hostRef} hostName={host.name_label} />
      </section>
      <section className="memory-section" aria-labelledby={vmsHeadingId}>
        <h2 id={vmsHeadingId}>{t('host.vmsHeading')}</h2>
        <HostVmRows poolId={poolId} hostRef={hostRef} guests={input.guests} />
      </section>
    </div>
  );
}
