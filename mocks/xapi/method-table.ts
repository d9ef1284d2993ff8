/** Every hand-written XAPI method, composed from one table per class. */
import { dataSourceMethods } from './methods/data-sources';
import { eventMethods } from './methods/event';
import { hostMethods } from './methods/host';
import { hostClockMethods } from './methods/host-clock';
import { messageMethods } from './methods/message';
import { sessionMethods } from './methods/session';
import { taskMethods } from './methods/task';
import { vdiMethods } from './methods/vdi';
import { vmMethods } from './methods/vm';
import type { MethodTable } from './registry';

export const IMPLEMENTATIONS: MethodTable = {
  ...sessionMethods,
  ...eventMethods,
  ...taskMethods,
  ...messageMethods,
  ...hostClockMethods,
  ...vmMethods,
  ...hostMethods,
  ...vdiMethods,
  ...dataSourceMethods,
};
