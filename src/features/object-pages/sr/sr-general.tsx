import { useTranslation } from 'react-i18next';
import { formatSize } from '../../../components/format/bytes';
import { ObjectLink } from '../../../components/object-link';
import { useRecord } from '../../../store/mirror-store';
import { IdentityProperties } from '../shared/identity-properties';
import { Property } from '../shared/property';
import { PropertyList } from '../shared/property-list';
import { UsageBar } from '../shared/usage-bar';

/**
 * A storage repository: what it is, how full it is (physical use against size, and
 * what its disks could grow to, which thin provisioning lets exceed the size), and on
 * which hosts it is plugged in.
 */
export function SrGeneral({ poolId, srRef }: { poolId: string; srRef: string }) {
  const sr = useRecord(poolId, 'SR', srRef);
  const { t } = useTranslation('objectPages');
  if (!sr) return null;
  return (
    <>
      <PropertyList title={t('sections.general')}>
        <IdentityProperties poolId={poolId} cls="SR" objectRef={srRef} record={sr} />
        <Property label={t('sr.type')}>{sr.type}</Property>
        <Property label={t('sr.shared')}>{t(sr.shared ? 'yes' : 'no')}</Property>
        <Property label={t('sr.vdis')}>{sr.VDIs.length}</Property>
      </PropertyList>
      <PropertyList title={t('sections.storage')}>
        <Property label={t('sr.size')}>{formatSize(sr.physical_size)}</Property>
        <Property label={t('sr.used')}>
          <UsageBar
            label={t('sr.used')}
            used={sr.physical_utilisation}
            total={sr.physical_size}
            text={t('sr.usedOf', { used: formatSize(sr.physical_utilisation), size: formatSize(sr.physical_size) })}
          />
        </Property>
        <Property label={t('sr.allocated')}>{formatSize(sr.virtual_allocation)}</Property>
      </PropertyList>
      <section className="property-section" aria-label={t('sr.pbds')}>
        <h2>{t('sr.pbds')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('sr.host')}</th>
              <th scope="col">{t('sr.attached')}</th>
            </tr>
          </thead>
          <tbody>
            {sr.PBDs.map((pbd) => (
              <PbdRow key={pbd} poolId={poolId} pbdRef={pbd} />
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

function PbdRow({ poolId, pbdRef }: { poolId: string; pbdRef: string }) {
  const { t } = useTranslation('objectPages');
  const pbd = useRecord(poolId, 'PBD', pbdRef);
  if (!pbd) return null;
  return (
    <tr>
      <td>
        <ObjectLink poolId={poolId} cls="host" objectRef={pbd.host} />
      </td>
      <td>{t(pbd.currently_attached ? 'sr.plugged' : 'sr.unplugged')}</td>
    </tr>
  );
}
