/**
 * Name, description and tags edits as mutations. They only call XAPI and wait: the
 * event stream brings the new values into the mirror, and from there onto the page.
 */
import { useMutation } from '@tanstack/react-query';
import { getConnection } from '../../../store/connections';
import type { Ref } from '../../../xapi/model/types';
import type { PageClass } from '../object-kind';

export type TextField = 'name_label' | 'name_description';

/**
 * Every page class has these four messages with the same (self, string) signature;
 * the VM's stands for all of them so the call stays typed.
 */
type Message = 'set_name_label' | 'set_name_description' | 'add_tags' | 'remove_tags';
const method = (cls: PageClass, message: Message) => `${cls}.${message}` as `VM.${Message}`;

export function useSetText(poolId: string, cls: PageClass, ref: string, field: TextField) {
  return useMutation({
    mutationFn: (value: string) => getConnection(poolId).call(method(cls, `set_${field}`), ref as Ref<'VM'>, value),
  });
}

export function useTagEdits(poolId: string, cls: PageClass, ref: string) {
  const add = useMutation({
    mutationFn: (tag: string) => getConnection(poolId).call(method(cls, 'add_tags'), ref as Ref<'VM'>, tag),
  });
  const remove = useMutation({
    mutationFn: (tag: string) => getConnection(poolId).call(method(cls, 'remove_tags'), ref as Ref<'VM'>, tag),
  });
  return { add, remove };
}
