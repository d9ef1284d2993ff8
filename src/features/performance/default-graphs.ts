/**
 * The graphs an object shows until someone designs its own, as XenCenter's defaults
 * (GraphList.cs LoadDefaultGraphs): CPU, memory, network and, for a VM, disk. They are
 * built from the sources its RRD actually has, so a vCPU added while the VM runs, or a
 * disk plugged, shows up without anyone editing the layout.
 */
import { byNaturalName, CPU_SOURCE, PIF_SOURCE, VBD_SOURCE, VIF_SOURCE, VM_CPU_AVERAGE } from './data-source-kinds';
import type { DesignedGraph, GraphedObject } from './graph-layout';

const matching = (names: readonly string[], pattern: RegExp) =>
  names.filter((name) => pattern.test(name)).sort(byNaturalName);

export function defaultGraphs(kind: GraphedObject['kind'], names: readonly string[]): DesignedGraph[] {
  const has = new Set(names);
  const present = (...wanted: string[]) => wanted.filter((name) => has.has(name));
  const cpus = matching(names, CPU_SOURCE);
  const graphs: DesignedGraph[] =
    kind === 'vm'
      ? [
          { name: '', sources: cpus.length > 0 ? [...cpus, VM_CPU_AVERAGE] : [] },
          { name: '', sources: present('memory', 'memory_target', 'memory_internal_free') },
          { name: '', sources: matching(names, VIF_SOURCE) },
          { name: '', sources: matching(names, VBD_SOURCE) },
        ]
      : [
          { name: '', sources: [...cpus, ...present('cpu_avg')] },
          { name: '', sources: present('memory_total_kib', 'memory_free_kib') },
          { name: '', sources: matching(names, PIF_SOURCE) },
        ];
  return graphs.filter((graph) => graph.sources.length > 0);
}
