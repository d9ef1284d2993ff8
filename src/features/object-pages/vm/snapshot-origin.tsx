import { useTranslation } from 'react-i18next';
import { useFormatDate } from '../../../components/format/use-format-date';
import { ObjectLink } from '../../../components/object-link';
import { parseXapiDateTime } from '../../../xapi/datetime';
import type { XapiRecord } from '../../../xapi/model/types';
import { Property } from '../shared/property';

/** A snapshot's VM and when it was taken. */
export function SnapshotOrigin({ poolId, vm }: { poolId: string; vm: XapiRecord<'VM'> }) {
  const { t } = useTranslation('objectPages');
  const formatDate = useFormatDate();
  const takenAt = parseXapiDateTime(vm.snapshot_time);
  return (
    <>
      <Property label={t('vm.snapshotOf')}>
        <ObjectLink poolId={poolId} cls="VM" objectRef={vm.snapshot_of} />
      </Property>
      {takenAt !== undefined && <Property label={t('vm.snapshotTime')}>{formatDate(takenAt)}</Property>}
    </>
  );
}
