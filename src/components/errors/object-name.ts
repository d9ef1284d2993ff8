/**
 * The name of any object by ref, across every connected pool (refs are unique), for
 * errors that name objects only by ref. Read once when an error is shown: an error
 * describes a moment, it need not follow renames.
 */
import { useMirror } from '../../store/mirror-store';
import type { XapiClass } from '../../xapi/model/types';

const NAMED: readonly XapiClass[] = ['VM', 'host', 'SR', 'VDI', 'network', 'pool'];

export function objectName(ref: string): string | undefined {
  for (const pool of Object.values(useMirror.getState().pools)) {
    for (const cls of NAMED) {
      const record = pool.objects[cls]?.[ref] as { name_label: string } | undefined;
      if (record) return record.name_label;
    }
  }
  return undefined;
}
