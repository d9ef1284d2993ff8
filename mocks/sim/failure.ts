import type { ErrorParams, XapiErrorCode } from '../../src/xapi/model/types';

/**
 * An XAPI error raised inside the simulator: the code and the string params that a
 * real pool puts in ErrorDescription / error.data.
 */
export class XapiFailure extends Error {
  readonly code: string;
  readonly params: string[];

  constructor(code: string, params: readonly string[] = []) {
    super(`${code}(${params.join(', ')})`);
    this.name = 'XapiFailure';
    this.code = code;
    this.params = [...params];
  }
}

/** Throws an XAPI error; typed so the params match the datamodel's list for the code. */
export function fail<C extends XapiErrorCode>(code: C, ...params: ErrorParams[C]): never {
  throw new XapiFailure(code, params as string[]);
}
