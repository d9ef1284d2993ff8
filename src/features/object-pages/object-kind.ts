/**
 * Route classes and mirror classes. A template and a snapshot are VMs in XAPI but get
 * their own place in URLs, so a link says what it points at.
 */
import type { ObjectClass } from '../../app/routes';
import type { XapiRecord } from '../../xapi/model/types';

export type PageClass = 'VM' | 'host' | 'pool' | 'SR' | 'network';

export function pageClassOf(cls: ObjectClass): PageClass {
  return cls === 'template' || cls === 'snapshot' ? 'VM' : cls;
}

export function routeClassOfVm(vm: XapiRecord<'VM'>): ObjectClass {
  if (vm.is_a_snapshot) return 'snapshot';
  return vm.is_a_template ? 'template' : 'VM';
}

export const NULL_REF = 'OpaqueRef:NULL';
