/**
 * An XAPI error as a value: XAPI's check functions return `Some (code, params)` rather
 * than raising, so allowed_operations can be computed by asking about every operation
 * without building (and throwing) an exception for each refusal.
 */
import type { ErrorParams, XapiErrorCode } from '../../src/xapi/model/types';
import { XapiFailure } from './failure';

export type OperationError = readonly [code: string, ...params: string[]];

/** An error whose params match the datamodel's list for its code. */
export function opError<C extends XapiErrorCode>(code: C, ...params: ErrorParams[C]): OperationError {
  return [code, ...(params as string[])];
}

/**
 * An error with the params xen-api really sends where they differ from the datamodel's
 * documentation (for example VM_IS_TEMPLATE carries the operation as a second param).
 */
export function opErrorAsSent(code: XapiErrorCode, ...params: string[]): OperationError {
  return [code, ...params];
}

export function toFailure([code, ...params]: OperationError): XapiFailure {
  return new XapiFailure(code, params);
}

export function raise(error: OperationError | undefined): void {
  if (error) throw toFailure(error);
}
