import { XapiFailure } from '../../sim/failure';
import type { CallContext, MethodTable } from '../registry';

export const eventMethods: MethodTable = {
  'event.from': ({ sim, session }: CallContext, classes: string[], token: string, timeout: number) =>
    sim.events.from(session, classes, token, timeout),
  'event.get_current_id': ({ sim }: CallContext) => String(sim.db.currentGeneration),
  'event.inject': ({ sim }: CallContext, cls: string, ref: string) => {
    const canonical = sim.db.schema.canonicalClass(cls);
    if (!canonical || !sim.db.has(canonical, ref)) throw new XapiFailure('HANDLE_INVALID', [cls, ref]);
    sim.db.touchRef(canonical, ref);
    return sim.events.token();
  },
};
