/**
 * The data sources a graph can pick from: what get_data_sources lists (recorded or
 * not), and whatever the RRD's legend holds that it does not (a server that cannot
 * list them still graphs what it sends), plus a VM's vCPU average.
 */
import type { XapiRecord } from '../../xapi/model/types';
import { byNaturalName, CPU_SOURCE, groupOf, type SourceGroup, VM_CPU_AVERAGE } from './data-source-kinds';
import type { GraphedObject } from './graph-layout';

export interface SourceOption {
  name: string;
  group: SourceGroup;
  description: string;
  units: string | undefined;
  /** False: the RRD does not keep it yet; choosing it starts recording it. */
  recorded: boolean;
}

const GROUP_ORDER: readonly SourceGroup[] = ['cpu', 'memory', 'network', 'disk', 'other'];

export function sourceOptions(
  kind: GraphedObject['kind'],
  dataSources: readonly XapiRecord<'data_source'>[] | undefined,
  legendNames: readonly string[],
): SourceOption[] {
  const options = new Map<string, SourceOption>();
  const add = (name: string, option: Omit<SourceOption, 'name' | 'group'>) => {
    if (!options.has(name)) options.set(name, { name, group: groupOf(name), ...option });
  };
  for (const ds of dataSources ?? []) {
    add(ds.name_label, { description: ds.name_description, units: ds.units, recorded: ds.enabled });
  }
  for (const name of legendNames) add(name, { description: '', units: undefined, recorded: true });
  if (kind === 'vm' && [...options.keys()].some((name) => CPU_SOURCE.test(name))) {
    add(VM_CPU_AVERAGE, { description: '', units: '(fraction)', recorded: true });
  }
  return [...options.values()].sort(
    (a, b) => GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group) || byNaturalName(a.name, b.name),
  );
}
