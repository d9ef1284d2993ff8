import type { LinkClass } from '../../components/object-link';
import { HostMemoryTab } from './host/host-memory-tab';
import { PoolMemoryTab } from './pool/pool-memory-tab';
import { VmMemoryTab } from './vm/vm-memory-tab';
import './memory.css';

export interface MemoryTabProps {
  poolId: string;
  cls: LinkClass;
  objectRef: string;
}

/** The Memory tab of a VM, a host or a pool (src/app/object-tabs.ts puts it on those pages). */
export function MemoryTab({ poolId, cls, objectRef }: MemoryTabProps) {
  switch (cls) {
    case 'VM':
      return <VmMemoryTab poolId={poolId} vmRef={objectRef} />;
    case 'host':
      return <HostMemoryTab poolId={poolId} hostRef={objectRef} />;
    case 'pool':
      return <PoolMemoryTab poolId={poolId} />;
    default:
      return null;
  }
}
