/** Route classes and mirror classes: a template and a snapshot are VMs in XAPI. */
import type { ObjectClass } from '../../app/routes';
import type { LinkClass } from '../../components/object-link';

export type PageClass = LinkClass;

const PAGE_CLASSES: Record<ObjectClass, PageClass> = {
  VM: 'VM',
  template: 'VM',
  snapshot: 'VM',
  host: 'host',
  pool: 'pool',
  SR: 'SR',
  network: 'network',
};

/** Undefined for an address naming no class with pages (typed by hand, or from an older version). */
export function pageClassOf(cls: string): PageClass | undefined {
  return Object.hasOwn(PAGE_CLASSES, cls) ? PAGE_CLASSES[cls as ObjectClass] : undefined;
}
