import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { MasterLoginError } from '../../xapi/connection';
import { TransportError } from '../../xapi/transport';
import { XapiError } from '../../xapi/xapi-error';
import { describeXapiError } from './describe-xapi-error';
import { errorStrings } from './i18n';
import { phraseText } from './phrase-text';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    resources: { en: { errors: errorStrings.en }, zh: { errors: errorStrings.zh } },
    lng: 'en',
    interpolation: { escapeValue: false },
  });
});

const NAMES: Record<string, string> = { 'OpaqueRef:vm': 'web-01', 'OpaqueRef:h': 'xcp-host-02' };

/** The sentence as XapiErrorText shows it, with names from a mirror that knows `NAMES`. */
function sentence(error: unknown, language = 'en', names: Record<string, string> = {}): string {
  const t = i18n.getFixedT(language, 'errors');
  return phraseText(t, language, describeXapiError(error), (ref) => names[ref]);
}

const GiB = 1024 ** 3;

describe('describeXapiError', () => {
  it('names the power states in words, several expected ones as alternatives', () => {
    const error = new XapiError('VM_BAD_POWER_STATE', ['OpaqueRef:vm', 'running, paused', 'halted']);
    expect(sentence(error)).toBe('This needs the VM to be running or paused, but it is shut down.');
    expect(sentence(error, 'zh')).toBe('此操作要求该虚拟机处于运行或暂停状态，而它当前处于关机状态。');
  });

  it('names the objects XAPI refers to by ref, when the mirror knows them', () => {
    const error = new XapiError('VM_LACKS_FEATURE', ['OpaqueRef:vm']);
    expect(sentence(error, 'en', NAMES)).toBe('The guest of VM “web-01” does not support this operation.');
    expect(sentence(error, 'zh', NAMES)).toBe('虚拟机“web-01”的客户机操作系统不支持此操作。');
    expect(sentence(new XapiError('HOST_IS_LIVE', ['OpaqueRef:h']), 'en', NAMES)).toBe(
      'This cannot be done while host “xcp-host-02” is running.',
    );
  });

  it('formats the memory a start needs and the memory free', () => {
    const error = new XapiError('HOST_NOT_ENOUGH_FREE_MEMORY', [String(384 * GiB), String(1.5 * GiB)]);
    expect(sentence(error)).toBe(
      'The host does not have enough free memory: this needs 384.0 GiB, but only 1.5 GiB is free.',
    );
    expect(sentence(error, 'zh')).toBe('主机可用内存不足：需要 384.0 GiB，但只有 1.5 GiB 可用。');
  });

  it('names the VM when evacuation sends the memory error with only the VM', () => {
    expect(sentence(new XapiError('HOST_NOT_ENOUGH_FREE_MEMORY', ['OpaqueRef:vm']), 'en', NAMES)).toBe(
      'No host has enough free memory for VM “web-01”.',
    );
    expect(sentence(new XapiError('HOST_NOT_ENOUGH_FREE_MEMORY', []))).toBe(
      'The host does not have enough free memory for this VM.',
    );
  });

  it('points a login at a pool member to the master', () => {
    expect(sentence(new XapiError('HOST_IS_SLAVE', ['192.0.2.10']))).toContain('Connect to the master at 192.0.2.10');
  });

  it('names the class an operation is busy on and the operation', () => {
    const error = new XapiError('OTHER_OPERATION_IN_PROGRESS', ['VM', 'OpaqueRef:vm', 'clean_shutdown', 'OpaqueRef:t']);
    expect(sentence(error, 'en', NAMES)).toBe(
      'Another operation (clean_shutdown) is already in progress on VM “web-01”. Try again when it has finished.',
    );
  });

  it('reads a class named in lower case, as HANDLE_INVALID sends it', () => {
    expect(sentence(new XapiError('HANDLE_INVALID', ['sr', 'OpaqueRef:x']))).toBe(
      'The storage repository no longer exists. It may have been deleted meanwhile.',
    );
  });

  it('falls back to the code for errors it has no sentence for, keeping code and params', () => {
    const description = describeXapiError(new XapiError('SR_BACKEND_FAILURE_44', ['', 'no space']));
    expect(description).toMatchObject({ code: 'SR_BACKEND_FAILURE_44', params: ['', 'no space'] });
    expect(sentence(new XapiError('SR_BACKEND_FAILURE_44', []))).toBe('The pool refused: SR_BACKEND_FAILURE_44');
    expect(sentence(new XapiError('SR_BACKEND_FAILURE_44', []), 'zh')).toBe('池拒绝了请求：SR_BACKEND_FAILURE_44');
  });

  it('says the pool is unreachable when the transport fails, without a code', () => {
    const description = describeXapiError(new TransportError('Failed to fetch'));
    expect(description.code).toBeUndefined();
    expect(sentence(new TransportError('HTTP 502 Bad Gateway', 502))).toBe(
      'The pool could not be reached (HTTP 502 Bad Gateway). Check the address and the network.',
    );
  });

  it('says a login followed to the master failed there, and why, keeping the code', () => {
    const error = new MasterLoginError('192.0.2.10', new XapiError('SESSION_AUTHENTICATION_FAILED', ['root']));
    expect(sentence(error)).toBe(
      'That host is a pool member; its master is 192.0.2.10, and logging in there failed: The user name or password is incorrect.',
    );
    expect(describeXapiError(error).code).toBe('SESSION_AUTHENTICATION_FAILED');
    expect(sentence(new MasterLoginError('192.0.2.10', new TransportError('Failed to fetch')), 'zh')).toBe(
      '该主机是池成员，其主节点为 192.0.2.10，但登录主节点失败：无法连接到池（Failed to fetch）。请检查地址和网络。',
    );
  });

  it('words anything else as unexpected, with its message', () => {
    expect(sentence(new Error('boom'))).toBe('Something went wrong: boom');
  });

  const CODES = [
    ['SESSION_AUTHENTICATION_FAILED'],
    ['SESSION_INVALID', 'OpaqueRef:s'],
    ['OPERATION_NOT_ALLOWED', 'Task is not cancellable'],
    ['OPERATION_BLOCKED', 'OpaqueRef:vm', 'backup running'],
    ['HOST_NOT_ENOUGH_PCPUS', '16', '8'],
    ['NO_HOSTS_AVAILABLE'],
    ['VM_IS_TEMPLATE', 'OpaqueRef:vm'],
    ['VM_IS_SNAPSHOT', 'OpaqueRef:vm'],
    ['VM_LACKS_FEATURE', 'OpaqueRef:vm'],
    ['VM_NON_SUSPENDABLE', 'OpaqueRef:vm', 'no PV drivers'],
    ['VM_MISSING_PV_DRIVERS', 'OpaqueRef:vm'],
    ['UUID_INVALID', 'VM', 'abc'],
    ['MAP_DUPLICATE_KEY', 'VM', 'other_config', 'abc', 'folder'],
    ['MESSAGE_METHOD_UNKNOWN', 'VM.fly'],
    ['HOST_NOT_DISABLED'],
    ['HOST_IS_LIVE', 'OpaqueRef:h'],
    ['VDI_IN_USE', 'OpaqueRef:vdi', 'destroy'],
    ['MEMORY_CONSTRAINT_VIOLATION', 'dynamic_min ≤ dynamic_max'],
    ['MEMORY_CONSTRAINT_VIOLATION_ORDER'],
    ['MEMORY_CONSTRAINT_VIOLATION_MAXPIN', 'no ballooning'],
    ['TASK_CANCELLED', 'OpaqueRef:t'],
    ['NOT_IMPLEMENTED', 'VM.import'],
    ['INTERNAL_ERROR', 'oops'],
  ];

  it.each(CODES)('has its own sentence for %s in both languages, with every value filled in', (code, ...params) => {
    for (const language of ['en', 'zh']) {
      const text = sentence(new XapiError(code, params), language);
      expect(text).not.toContain(code);
      expect(text).not.toMatch(/\{\{|codes\./);
    }
  });
});
