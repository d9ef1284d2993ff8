/**
 * Turns anything a call can throw into a sentence a person can act on: XAPI's error
 * codes (names and params from the generated ErrorParams, so a code that XAPI does not
 * have is a compile error), the transport failing to reach the pool, the client's own
 * failures (a master that refused the login, a connection gone mid-task), and anything else.
 * Pure: the words come from i18n when the phrase is rendered.
 */

import { PoolGoneError } from '../../queries/actions/await-task';
import { MasterLoginError } from '../../xapi/connection';
import type { ErrorParams, XapiErrorCode } from '../../xapi/model/types';
import { TransportError } from '../../xapi/transport';
import { XapiError } from '../../xapi/xapi-error';
import { formatMemory } from '../format/bytes';
import { objectValue, type Phrase, type PhraseValue, phrase } from './phrase';

export interface ErrorDescription extends Phrase {
  /** The raw XAPI code, for the details disclosure; absent when XAPI did not answer. */
  code?: string;
  params: string[];
}

type Describer<C extends XapiErrorCode> = (params: ErrorParams[C]) => Phrase;
type Describers = { [C in XapiErrorCode]?: Describer<C> };

const POWER_STATES = new Set(['halted', 'running', 'paused', 'suspended']);
const CLASSES = new Set(['VM', 'host', 'pool', 'SR', 'VDI', 'VBD', 'VIF', 'network', 'PIF', 'task', 'message']);

/** XAPI lowercases power states in errors and lists several as "halted, suspended". */
function powerStates(list: string | undefined): PhraseValue[] {
  return (list ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean)
    .map((s) => (POWER_STATES.has(s) ? phrase(`powerState.${s}`) : s));
}

/** Errors name classes the way the datamodel spells them, or in lower case (HANDLE_INVALID "vm"). */
function canonicalClass(name: string | undefined): string {
  return [...CLASSES].find((c) => c.toLowerCase() === (name ?? '').toLowerCase()) ?? 'object';
}

const objectClass = (name: string | undefined): PhraseValue => phrase(`objectClass.${canonicalClass(name)}`);

/** Some errors name an object only by ref in some callers (evacuation's memory error names the VM). */
const isRef = (text: string | undefined) => text?.startsWith('OpaqueRef:') ?? false;

const bytes = (text: string | undefined) => (text && /^\d+$/.test(text) ? formatMemory(Number(text)) : undefined);

const simple = (code: XapiErrorCode) => () => phrase(`codes.${code}`);

const DESCRIBERS: Describers = {
  SESSION_AUTHENTICATION_FAILED: simple('SESSION_AUTHENTICATION_FAILED'),
  SESSION_INVALID: simple('SESSION_INVALID'),
  HOST_IS_SLAVE: ([master]) => phrase('codes.HOST_IS_SLAVE', { master }),
  VM_BAD_POWER_STATE: ([vm, expected, actual]) =>
    phrase('codes.VM_BAD_POWER_STATE', {
      vm: objectValue(vm, 'VM'),
      expected: powerStates(expected),
      actual: powerStates(actual),
    }),
  OTHER_OPERATION_IN_PROGRESS: ([cls, object, operation]) =>
    phrase('codes.OTHER_OPERATION_IN_PROGRESS', { object: objectValue(object, canonicalClass(cls)), operation }),
  OPERATION_NOT_ALLOWED: ([reason]) => phrase('codes.OPERATION_NOT_ALLOWED', { reason }),
  OPERATION_BLOCKED: ([, reason]) => phrase('codes.OPERATION_BLOCKED', { reason }),
  // Host evacuation names only the VM it could not place, without the figures.
  HOST_NOT_ENOUGH_FREE_MEMORY: ([needed, available]) => {
    const [n, a] = [bytes(needed), bytes(available)];
    if (n && a) return phrase('codes.HOST_NOT_ENOUGH_FREE_MEMORY', { needed: n, available: a });
    return isRef(needed)
      ? phrase('codes.HOST_NOT_ENOUGH_FREE_MEMORY_forVm', { vm: objectValue(needed, 'VM') })
      : phrase('codes.HOST_NOT_ENOUGH_FREE_MEMORY_unsized');
  },
  HOST_NOT_ENOUGH_PCPUS: ([vcpus, pcpus]) => phrase('codes.HOST_NOT_ENOUGH_PCPUS', { vcpus, pcpus }),
  NO_HOSTS_AVAILABLE: simple('NO_HOSTS_AVAILABLE'),
  VM_IS_TEMPLATE: simple('VM_IS_TEMPLATE'),
  VM_IS_SNAPSHOT: simple('VM_IS_SNAPSHOT'),
  VM_LACKS_FEATURE: ([vm]) => phrase('codes.VM_LACKS_FEATURE', { vm: objectValue(vm, 'VM') }),
  VM_NON_SUSPENDABLE: ([vm, reason]) => phrase('codes.VM_NON_SUSPENDABLE', { vm: objectValue(vm, 'VM'), reason }),
  VM_MISSING_PV_DRIVERS: ([vm]) => phrase('codes.VM_MISSING_PV_DRIVERS', { vm: objectValue(vm, 'VM') }),
  HANDLE_INVALID: ([cls]) => phrase('codes.HANDLE_INVALID', { class: objectClass(cls) }),
  UUID_INVALID: ([cls, uuid]) => phrase('codes.UUID_INVALID', { class: objectClass(cls), uuid }),
  MAP_DUPLICATE_KEY: ([, field, , key]) => phrase('codes.MAP_DUPLICATE_KEY', { field, key }),
  MESSAGE_METHOD_UNKNOWN: ([method]) => phrase('codes.MESSAGE_METHOD_UNKNOWN', { method }),
  HOST_NOT_DISABLED: simple('HOST_NOT_DISABLED'),
  HOST_IS_LIVE: ([host]) => phrase('codes.HOST_IS_LIVE', { host: objectValue(host, 'host') }),
  VDI_IN_USE: ([vdi, operation]) => phrase('codes.VDI_IN_USE', { vdi: objectValue(vdi, 'VDI'), operation }),
  MEMORY_CONSTRAINT_VIOLATION: ([constraint]) => phrase('codes.MEMORY_CONSTRAINT_VIOLATION', { constraint }),
  MEMORY_CONSTRAINT_VIOLATION_ORDER: simple('MEMORY_CONSTRAINT_VIOLATION_ORDER'),
  MEMORY_CONSTRAINT_VIOLATION_MAXPIN: ([reason]) => phrase('codes.MEMORY_CONSTRAINT_VIOLATION_MAXPIN', { reason }),
  TASK_CANCELLED: simple('TASK_CANCELLED'),
  NOT_IMPLEMENTED: ([fn]) => phrase('codes.NOT_IMPLEMENTED', { function: fn }),
  INTERNAL_ERROR: ([message]) => phrase('codes.INTERNAL_ERROR', { message }),
};

/** Params may arrive shorter than documented; describers read missing ones as undefined. */
function describeCode(code: string, params: string[]): Phrase {
  const describer = DESCRIBERS[code as XapiErrorCode] as ((p: string[]) => Phrase) | undefined;
  return describer ? describer(params) : phrase('fallback', { code });
}

export function describeXapiError(error: unknown): ErrorDescription {
  if (error instanceof XapiError)
    return { ...describeCode(error.code, error.params), code: error.code, params: error.params };
  if (error instanceof TransportError) return { ...phrase('unreachable', { detail: error.message }), params: [] };
  // A pool member's address led to its master, where the login failed: say both, with the cause's code.
  if (error instanceof MasterLoginError) {
    const { code, params, ...cause } = describeXapiError(error.cause);
    return { ...phrase('masterLogin', { master: error.master, cause }), code, params };
  }
  if (error instanceof PoolGoneError) return { ...phrase('poolGone'), params: [] };
  const message = error instanceof Error ? error.message : String(error);
  return { ...phrase('unexpected', { message }), params: [] };
}
