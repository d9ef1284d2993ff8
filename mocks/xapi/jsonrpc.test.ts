import { describe, expect, it } from 'vitest';
import { XapiFailure } from '../sim/failure';
import { type JsonRpcCall, JsonRpcParseError, jsonRpcFailure, jsonRpcSuccess, parseJsonRpcCall } from './jsonrpc';

const v2: JsonRpcCall = { version: 2, id: 7, method: 'VM.start', params: [] };
const v1: JsonRpcCall = { version: 1, id: 'a', method: 'VM.start', params: [] };
const failure = new XapiFailure('VM_BAD_POWER_STATE', ['OpaqueRef:1', 'halted', 'running']);

describe('parseJsonRpcCall', () => {
  it('reads a version 2 call', () => {
    expect(parseJsonRpcCall('{"jsonrpc":"2.0","method":"VM.get_all","params":["OpaqueRef:s"],"id":1}')).toEqual({
      version: 2,
      id: 1,
      method: 'VM.get_all',
      params: ['OpaqueRef:s'],
    });
  });

  it('reads a call without a jsonrpc member as version 1, with a string id', () => {
    expect(parseJsonRpcCall('{"method":"VM.get_all","params":[],"id":"x1"}')).toEqual({
      version: 1,
      id: 'x1',
      method: 'VM.get_all',
      params: [],
    });
  });

  it('lets version 2 omit params, send null, or send one by-name object', () => {
    expect(parseJsonRpcCall('{"jsonrpc":"2.0","method":"m","id":1}').params).toEqual([]);
    expect(parseJsonRpcCall('{"jsonrpc":"2.0","method":"m","params":null,"id":1}').params).toEqual([]);
    expect(parseJsonRpcCall('{"jsonrpc":"2.0","method":"m","params":{"a":1},"id":1}').params).toEqual([{ a: 1 }]);
  });

  it.each([
    ['invalid JSON', '{"method":'],
    ['an empty body', ''],
    ['a JSON array', '[{"jsonrpc":"2.0","method":"m","params":[],"id":1}]'],
    ['a missing method', '{"jsonrpc":"2.0","params":[],"id":1}'],
    ['a method that is not a string', '{"jsonrpc":"2.0","method":1,"params":[],"id":1}'],
    ['an unknown jsonrpc version', '{"jsonrpc":"1.0","method":"m","params":[],"id":1}'],
    ['a missing id (a notification)', '{"jsonrpc":"2.0","method":"m","params":[]}'],
    ['a null id', '{"jsonrpc":"2.0","method":"m","params":[],"id":null}'],
    ['a fractional id', '{"jsonrpc":"2.0","method":"m","params":[],"id":1.5}'],
    ['version 1 without params', '{"method":"m","id":1}'],
    ['version 1 with by-name params', '{"method":"m","params":{"a":1},"id":1}'],
    ['params that are a string', '{"jsonrpc":"2.0","method":"m","params":"x","id":1}'],
  ])('refuses %s with JsonRpcParseError', (_what, body) => {
    expect(() => parseJsonRpcCall(body)).toThrow(JsonRpcParseError);
  });
});

describe('JSON-RPC responses', () => {
  it('answers version 2 success with result and id, and no error member', () => {
    const text = jsonRpcSuccess(v2, { value: 'OpaqueRef:1', type: { kind: 'ref', cls: 'task' } });
    expect(text).toBe('{"jsonrpc":"2.0","result":"OpaqueRef:1","id":7}');
    expect(JSON.parse(text)).not.toHaveProperty('error');
  });

  it('answers version 2 failure with code 1, the XAPI code as message and the params as data', () => {
    expect(JSON.parse(jsonRpcFailure(v2, failure))).toStrictEqual({
      jsonrpc: '2.0',
      error: { code: 1, message: 'VM_BAD_POWER_STATE', data: ['OpaqueRef:1', 'halted', 'running'] },
      id: 7,
    });
    expect(JSON.parse(jsonRpcFailure(v2, new XapiFailure('SESSION_INVALID'))).error.data).toEqual([]);
  });

  it('answers version 1 with result, error and id, error being null or [code, ...params]', () => {
    expect(jsonRpcSuccess(v1, { value: ['a'], type: { kind: 'set', of: { kind: 'string' } } })).toBe(
      '{"result":["a"],"error":null,"id":"a"}',
    );
    expect(jsonRpcFailure(v1, failure)).toBe(
      '{"result":null,"error":["VM_BAD_POWER_STATE","OpaqueRef:1","halted","running"],"id":"a"}',
    );
  });

  it('sends a void result as ""', () => {
    expect(jsonRpcSuccess(v2, { value: undefined, type: { kind: 'void' } })).toBe(
      '{"jsonrpc":"2.0","result":"","id":7}',
    );
  });
});
