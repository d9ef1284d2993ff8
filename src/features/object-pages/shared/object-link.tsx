import type { MouseEvent } from 'react';
import { navigate, type ObjectClass, paths } from '../../../app/routes';
import { useRecord } from '../../../store/mirror-store';
import type { XapiRecord } from '../../../xapi/model/types';
import { NULL_REF, type PageClass, routeClassOfVm } from '../object-kind';

interface Props {
  poolId: string;
  cls: PageClass;
  objectRef: string;
}

/**
 * A link to another object's page, by its current name. Renders nothing for a null
 * ref; an object not (yet) in the mirror shows as "…" rather than as a raw ref.
 */
export function ObjectLink({ poolId, cls, objectRef }: Props) {
  const record = useRecord(poolId, cls, objectRef);
  if (objectRef === NULL_REF) return null;
  if (!record) return <span>…</span>;
  // `cls` is 'VM' here, so the record is one; TypeScript cannot narrow through the union.
  const routeClass: ObjectClass = cls === 'VM' ? routeClassOfVm(record as XapiRecord<'VM'>) : cls;
  const href = paths.object(poolId, routeClass, record.uuid);
  const follow = (event: MouseEvent) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} onClick={follow}>
      {record.name_label}
    </a>
  );
}
