import { useTranslation } from 'react-i18next';
import { ObjectLink } from '../../../components/object-link';
import { useMirror, useRecord } from '../../../store/mirror-store';
import { IdentityProperties } from '../shared/identity-properties';
import { Property } from '../shared/property';
import { PropertyList } from '../shared/property-list';

/** A VLAN network's PIFs carry its tag; an untagged network's have VLAN -1. */
function useVlanTag(poolId: string, pifRefs: readonly string[]): number | undefined {
  return useMirror((state) => {
    const pifs = state.pools[poolId]?.objects.PIF;
    const tagged = pifRefs.map((ref) => pifs?.[ref]?.VLAN ?? -1).find((vlan) => vlan >= 0);
    return tagged;
  });
}

export function NetworkGeneral({ poolId, networkRef }: { poolId: string; networkRef: string }) {
  const network = useRecord(poolId, 'network', networkRef);
  const { t } = useTranslation('objectPages');
  const vlan = useVlanTag(poolId, network?.PIFs ?? []);
  if (!network) return null;
  return (
    <>
      <PropertyList title={t('sections.general')}>
        <IdentityProperties poolId={poolId} cls="network" objectRef={networkRef} record={network} />
        <Property label={t('network.bridge')}>{network.bridge}</Property>
        <Property label={t('network.mtu')}>{network.MTU}</Property>
        {vlan !== undefined && <Property label={t('network.vlan')}>{vlan}</Property>}
        <Property label={t('network.vifs')}>{network.VIFs.length}</Property>
      </PropertyList>
      <section className="property-section" aria-label={t('network.pifs')}>
        <h2>{t('network.pifs')}</h2>
        {network.PIFs.length === 0 ? (
          <p>{t('network.internal')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('network.host')}</th>
                <th scope="col">{t('network.device')}</th>
                <th scope="col">{t('network.address')}</th>
                <th scope="col">{t('network.attached')}</th>
              </tr>
            </thead>
            <tbody>
              {network.PIFs.map((pif) => (
                <PifRow key={pif} poolId={poolId} pifRef={pif} />
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

function PifRow({ poolId, pifRef }: { poolId: string; pifRef: string }) {
  const { t } = useTranslation('objectPages');
  const pif = useRecord(poolId, 'PIF', pifRef);
  if (!pif) return null;
  return (
    <tr>
      <td>
        <ObjectLink poolId={poolId} cls="host" objectRef={pif.host} />
      </td>
      <td>{pif.device}</td>
      <td>{pif.IP || t('network.noAddress')}</td>
      <td>{t(pif.currently_attached ? 'yes' : 'no')}</td>
    </tr>
  );
}
