/**
 * The disks that go with a VM when it is deleted. VM.destroy removes the VM and its
 * VBDs but leaves the VDIs (xapi_vm.ml); XenCenter then destroys the disks no other VM
 * uses (XenAdmin/Actions/VMActions/VMDestroyAction.cs). A CD in the drive and a disk
 * shared with another VM stay.
 */
import type { Ref, XapiRecord } from '../../xapi/model/types';
import type { PoolObjects } from './action';

const NULL_REF = 'OpaqueRef:NULL';

export interface OwnDisk {
  ref: Ref<'VDI'>;
  vdi: XapiRecord<'VDI'>;
}

export function disksOnlyThisVmUses(objects: PoolObjects, vmRef: string): OwnDisk[] {
  const vm = objects.VM?.[vmRef];
  if (!vm) return [];
  const disks: OwnDisk[] = [];
  for (const vbdRef of vm.VBDs) {
    const vbd = objects.VBD?.[vbdRef];
    if (vbd?.type !== 'Disk' || vbd.VDI === NULL_REF) continue;
    const vdi = objects.VDI?.[vbd.VDI];
    if (!vdi) continue;
    const usedElsewhere = vdi.VBDs.some((other) => {
      const owner = objects.VBD?.[other]?.VM;
      return owner !== undefined && owner !== vmRef;
    });
    if (!usedElsewhere) disks.push({ ref: vbd.VDI, vdi });
  }
  return disks;
}
