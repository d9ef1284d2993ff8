/**
 * Every query of an XAPI call is keyed ['xapi', method, ...params], so one method's
 * cache can be invalidated by prefix (['xapi', 'host.compute_free_memory']).
 */
import type { XapiMethod } from '../xapi/model/types';

export const xapiQueryKey = (method: XapiMethod, ...params: readonly unknown[]) => ['xapi', method, ...params] as const;
