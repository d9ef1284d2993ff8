/** A failed task's error_info is [code, ...params], as a failed call's error would be. */
import { XapiError } from '../../xapi/xapi-error';

export function taskError(errorInfo: readonly string[]): XapiError {
  const [code = 'INTERNAL_ERROR', ...params] = errorInfo;
  return new XapiError(code, params);
}
