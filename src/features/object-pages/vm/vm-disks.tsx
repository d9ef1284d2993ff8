import { useTranslation } from 'react-i18next';
import { formatSize } from '../../../components/format/bytes';
import { ObjectLink } from '../../../components/object-link';
import { useRecord } from '../../../store/mirror-store';
import type { XapiRecord } from '../../../xapi/model/types';
import { NULL_REF } from '../../../xapi/refs';

/** The VM's disks and CD drives in device order: VBD → VDI name and size → SR. */
export function VmDisks({ poolId, vm }: { poolId: string; vm: XapiRecord<'VM'> }) {
  const { t } = useTranslation('objectPages');
  return (
    <section className="property-section" aria-label={t('vm.disks')}>
      <h2>{t('vm.disks')}</h2>
      {vm.VBDs.length === 0 ? (
        <p>{t('vm.noDisks')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('vm.position')}</th>
              <th scope="col">{t('fields.name')}</th>
              <th scope="col">{t('vm.size')}</th>
              <th scope="col">{t('vm.sr')}</th>
            </tr>
          </thead>
          <tbody>
            {vm.VBDs.map((vbd) => (
              <VbdRow key={vbd} poolId={poolId} vbdRef={vbd} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function VbdRow({ poolId, vbdRef }: { poolId: string; vbdRef: string }) {
  const { t } = useTranslation('objectPages');
  const vbd = useRecord(poolId, 'VBD', vbdRef);
  const vdi = useRecord(poolId, 'VDI', vbd?.VDI ?? NULL_REF);
  if (!vbd) return null;
  const isCd = vbd.type === 'CD';
  const name = vdi?.name_label ?? (isCd ? t('vm.cdEmpty') : '');
  return (
    <tr>
      <td>{isCd ? t('vm.cdDrive', { position: vbd.userdevice }) : vbd.userdevice}</td>
      <td>{name}</td>
      <td>{vdi ? formatSize(vdi.virtual_size) : ''}</td>
      <td>{vdi && <ObjectLink poolId={poolId} cls="SR" objectRef={vdi.SR} />}</td>
    </tr>
  );
}
