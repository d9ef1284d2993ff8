import { HostGeneral } from './host/host-general';
import { NetworkGeneral } from './network/network-general';
import type { PageClass } from './object-kind';
import { PoolGeneral } from './pool/pool-general';
import { SrGeneral } from './sr/sr-general';
import { VmGeneral } from './vm/vm-general';

export interface TabProps {
  poolId: string;
  cls: PageClass;
  objectRef: string;
}

/** The class's General tab. */
export function GeneralTab({ poolId, cls, objectRef }: TabProps) {
  switch (cls) {
    case 'VM':
      return <VmGeneral poolId={poolId} vmRef={objectRef} />;
    case 'host':
      return <HostGeneral poolId={poolId} hostRef={objectRef} />;
    case 'pool':
      return <PoolGeneral poolId={poolId} poolRef={objectRef} />;
    case 'SR':
      return <SrGeneral poolId={poolId} srRef={objectRef} />;
    case 'network':
      return <NetworkGeneral poolId={poolId} networkRef={objectRef} />;
  }
}
