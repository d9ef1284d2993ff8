/**
 * The hosts' clocks, which clients read to measure elapsed times on the pool's time
 * (XenCenter's ServerTimeOffset). Every simulated host shares the virtual clock, in
 * UTC; get_server_localtime answers the same, as a host set to UTC would.
 */
import { xapiDatetime } from '../../sim/time';
import type { CallContext, MethodTable } from '../registry';

const now = ({ sim }: CallContext, host: string) => {
  sim.db.row('host', host);
  return xapiDatetime(sim.clock.now());
};

export const hostClockMethods: MethodTable = {
  'host.get_servertime': now,
  'host.get_server_localtime': now,
};
