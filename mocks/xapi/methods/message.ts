import type { Row } from '../../sim/db';
import { XapiFailure } from '../../sim/failure';
import { raiseMessage } from '../../sim/messages';
import type { Simulator } from '../../sim/simulator';
import { parseXapiDatetime } from '../../sim/time';
import type { CallContext, MethodTable } from '../registry';

type Message = { cls: string; obj_uuid: string; timestamp: string; name: string };

/** Messages newer than `when`. */
function since(sim: Simulator, when: string, keep: (m: Message) => boolean = () => true): Map<string, Row> {
  const after = parseXapiDatetime(when);
  if (Number.isNaN(after)) throw new XapiFailure('INVALID_VALUE', ['since', when]);
  const out = new Map<string, Row>();
  for (const row of sim.db.rows('message')) {
    const m = row.record as Message;
    if (parseXapiDatetime(m.timestamp) > after && keep(m)) out.set(row.ref, row);
  }
  return out;
}

export const messageMethods: MethodTable = {
  'message.create': ({ sim }: CallContext, name: string, priority: number, cls: 'VM', objUuid: string, body: string) =>
    raiseMessage(sim, name, priority, cls, objUuid, body),
  'message.destroy': ({ sim }: CallContext, self: string) => sim.db.delete('message', self),
  'message.destroy_many': ({ sim }: CallContext, messages: string[]) => {
    for (const m of messages) sim.db.row('message', m);
    for (const m of messages) sim.db.delete('message', m);
  },
  'message.destroy_all': ({ sim }: CallContext, filters: Record<string, string>) => {
    for (const ref of sim.db.refs('message')) {
      const m = sim.db.get<Record<string, unknown>>('message', ref);
      if (Object.entries(filters).every(([k, v]) => String(m[k]) === v)) sim.db.delete('message', ref);
    }
  },
  'message.get_since': ({ sim }: CallContext, when: string) => since(sim, when),
  'message.get': ({ sim }: CallContext, cls: string, objUuid: string, when: string) =>
    since(sim, when, (m) => m.cls === cls && m.obj_uuid === objUuid),
};
