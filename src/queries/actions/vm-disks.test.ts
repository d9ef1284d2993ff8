import { describe, expect, it } from 'vitest';
import type { PoolObjects } from './action';
import { disksOnlyThisVmUses } from './vm-disks';

/** Two VMs: web owns a system disk, shares a data disk with worker, and has a CD in its drive. */
const objects = {
  VM: {
    'OpaqueRef:web': {
      VBDs: ['OpaqueRef:vbd-root', 'OpaqueRef:vbd-shared', 'OpaqueRef:vbd-cd', 'OpaqueRef:vbd-empty'],
    },
    'OpaqueRef:worker': { VBDs: ['OpaqueRef:vbd-shared-2'] },
  },
  VBD: {
    'OpaqueRef:vbd-root': { VM: 'OpaqueRef:web', VDI: 'OpaqueRef:root', type: 'Disk' },
    'OpaqueRef:vbd-shared': { VM: 'OpaqueRef:web', VDI: 'OpaqueRef:shared', type: 'Disk' },
    'OpaqueRef:vbd-shared-2': { VM: 'OpaqueRef:worker', VDI: 'OpaqueRef:shared', type: 'Disk' },
    'OpaqueRef:vbd-cd': { VM: 'OpaqueRef:web', VDI: 'OpaqueRef:iso', type: 'CD' },
    'OpaqueRef:vbd-empty': { VM: 'OpaqueRef:web', VDI: 'OpaqueRef:NULL', type: 'Disk' },
  },
  VDI: {
    'OpaqueRef:root': { name_label: 'web root', VBDs: ['OpaqueRef:vbd-root'] },
    'OpaqueRef:shared': { name_label: 'shared data', VBDs: ['OpaqueRef:vbd-shared', 'OpaqueRef:vbd-shared-2'] },
    'OpaqueRef:iso': { name_label: 'debian.iso', VBDs: ['OpaqueRef:vbd-cd'] },
  },
} as unknown as PoolObjects;

describe('disksOnlyThisVmUses', () => {
  it('lists the disks no other VM uses, leaving shared disks and CDs alone', () => {
    expect(disksOnlyThisVmUses(objects, 'OpaqueRef:web').map((d) => [d.ref, d.vdi.name_label])).toEqual([
      ['OpaqueRef:root', 'web root'],
    ]);
  });

  it('has nothing for a VM that is gone', () => {
    expect(disksOnlyThisVmUses(objects, 'OpaqueRef:gone')).toEqual([]);
  });
});
