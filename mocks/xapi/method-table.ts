/** Every hand-written XAPI method, composed from one table per class. */
import { eventMethods } from './methods/event';
import { hostClockMethods } from './methods/host-clock';
import { messageMethods } from './methods/message';
import { sessionMethods } from './methods/session';
import { taskMethods } from './methods/task';
import type { MethodTable } from './registry';

export const IMPLEMENTATIONS: MethodTable = {
  ...sessionMethods,
  ...eventMethods,
  ...taskMethods,
  ...messageMethods,
  ...hostClockMethods,
};
