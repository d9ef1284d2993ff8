/** VDI.destroy with xen-api's VDI_IN_USE check and clean-up (see sim/disks.ts). */
import { destroyVdi } from '../../sim/disks';
import type { CallContext, MethodTable } from '../registry';

export const vdiMethods: MethodTable = {
  'VDI.destroy': ({ sim }: CallContext, vdi: string) => {
    sim.db.row('VDI', vdi);
    destroyVdi(sim, vdi);
  },
};
