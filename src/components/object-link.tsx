import type { MouseEvent } from 'react';
import { navigate, type ObjectClass, paths } from '../app/routes';
import { useRecord } from '../store/mirror-store';
import type { XapiRecord } from '../xapi/model/types';
import { NULL_REF } from '../xapi/refs';

/** The classes that have a page. */
export type LinkClass = 'VM' | 'host' | 'pool' | 'SR' | 'network';

/** Templates and snapshots are VMs to XAPI; their addresses say which they are. */
export function routeClassOfVm(vm: XapiRecord<'VM'>): ObjectClass {
  if (vm.is_a_snapshot) return 'snapshot';
  return vm.is_a_template ? 'template' : 'VM';
}

interface Props {
  poolId: string;
  cls: LinkClass;
  objectRef: string;
}

/**
 * A link to an object's page, by its current name. Renders nothing for a null ref;
 * an object not (yet) in the mirror shows as "…" rather than as a raw ref.
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
