import { ObjectLink } from '../../components/object-link';
import { useRecord } from '../../store/mirror-store';
import { useTaskTarget } from './use-task-target';

/** The object the task works on: a link where it has a page, else its name. */
export function TaskObject({ poolId, taskRef }: { poolId: string; taskRef: string }) {
  const target = useTaskTarget(poolId, taskRef);
  const vdi = useRecord(poolId, 'VDI', target?.cls === 'VDI' ? target.ref : '');
  if (!target) return null;
  if (target.cls === 'VDI') return <span>{vdi?.name_label}</span>;
  return <ObjectLink poolId={poolId} cls={target.cls} objectRef={target.ref} />;
}
