/** The Console tab of a VM or a host (src/app/object-tabs.ts puts it on those pages). */
import { ConsoleView } from './console-view';

/** The object page's tab props (the object-pages feature's TabProps, by shape). */
export interface ConsoleTabProps {
  poolId: string;
  cls: string;
  objectRef: string;
}

export function ConsoleTab({ poolId, cls, objectRef }: ConsoleTabProps) {
  return <ConsoleView poolId={poolId} cls={cls === 'host' ? 'host' : 'VM'} objectRef={objectRef} />;
}
