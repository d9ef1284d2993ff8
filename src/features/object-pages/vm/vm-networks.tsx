import { useTranslation } from 'react-i18next';
import { ObjectLink } from '../../../components/object-link';
import { useRecord } from '../../../store/mirror-store';
import type { XapiRecord } from '../../../xapi/model/types';
import { interfaceAddresses } from './guest-info';

/** The VM's interfaces: VIF → network, MAC, and the addresses its guest agent reports. */
export function VmNetworks({ poolId, vm }: { poolId: string; vm: XapiRecord<'VM'> }) {
  const { t } = useTranslation('objectPages');
  const metrics = useRecord(poolId, 'VM_guest_metrics', vm.guest_metrics);
  return (
    <section className="property-section" aria-label={t('vm.networks')}>
      <h2>{t('vm.networks')}</h2>
      {vm.VIFs.length === 0 ? (
        <p>{t('vm.noNetworks')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('vm.device')}</th>
              <th scope="col">{t('vm.network')}</th>
              <th scope="col">{t('vm.mac')}</th>
              <th scope="col">{t('vm.addresses')}</th>
            </tr>
          </thead>
          <tbody>
            {vm.VIFs.map((vif) => (
              <VifRow key={vif} poolId={poolId} vifRef={vif} metrics={metrics} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

interface VifRowProps {
  poolId: string;
  vifRef: string;
  metrics: XapiRecord<'VM_guest_metrics'> | undefined;
}

function VifRow({ poolId, vifRef, metrics }: VifRowProps) {
  const { t } = useTranslation('objectPages');
  const vif = useRecord(poolId, 'VIF', vifRef);
  if (!vif) return null;
  const addresses = interfaceAddresses(metrics, vif.device);
  return (
    <tr>
      <td>{vif.device}</td>
      <td>
        <ObjectLink poolId={poolId} cls="network" objectRef={vif.network} />
      </td>
      <td>
        <code>{vif.MAC}</code>
      </td>
      <td>{addresses.length > 0 ? addresses.join(', ') : t('vm.noAddresses')}</td>
    </tr>
  );
}
