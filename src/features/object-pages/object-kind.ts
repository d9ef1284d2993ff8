/** Route classes and mirror classes: a template and a snapshot are VMs in XAPI. */
import type { ObjectClass } from '../../app/routes';
import type { LinkClass } from '../../components/object-link';

export type PageClass = LinkClass;

export function pageClassOf(cls: ObjectClass): PageClass {
  return cls === 'template' || cls === 'snapshot' ? 'VM' : cls;
}
