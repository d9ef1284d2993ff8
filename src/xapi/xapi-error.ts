/** An error answered by XAPI: its code (e.g. VM_BAD_POWER_STATE) and string params. */
export class XapiError extends Error {
  readonly code: string;
  readonly params: string[];

  constructor(code: string, params: string[] = []) {
    super(params.length ? `${code}: ${params.join(', ')}` : code);
    this.name = 'XapiError';
    this.code = code;
    this.params = params;
  }
}
