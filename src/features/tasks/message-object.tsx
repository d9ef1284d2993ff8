import { type LinkClass, ObjectLink } from '../../components/object-link';
import { useMirror, useRecord } from '../../store/mirror-store';
import { uuidIndex } from '../../store/uuid-index';
import type { XapiClass, XapiEnum } from '../../xapi/model/types';

/** A message names its object by class (in XAPI's `cls` enum spelling) and UUID. */
const CLASS_OF: Partial<Record<XapiEnum<'cls'>, XapiClass>> = {
  VM: 'VM',
  Host: 'host',
  SR: 'SR',
  Pool: 'pool',
  VDI: 'VDI',
};

export function MessageObject({ poolId, cls, uuid }: { poolId: string; cls: XapiEnum<'cls'>; uuid: string }) {
  const mirrorClass = CLASS_OF[cls];
  const ref = useMirror((state) => {
    const table = mirrorClass ? state.pools[poolId]?.objects[mirrorClass] : undefined;
    return table ? uuidIndex(table).get(uuid) : undefined;
  });
  const vdi = useRecord(poolId, 'VDI', mirrorClass === 'VDI' && ref ? ref : '');
  // The object may be gone (an alert about a deleted VM): its UUID still identifies it.
  if (!mirrorClass || !ref) return <code>{uuid}</code>;
  if (mirrorClass === 'VDI') return <span>{vdi?.name_label}</span>;
  return <ObjectLink poolId={poolId} cls={mirrorClass as LinkClass} objectRef={ref} />;
}
