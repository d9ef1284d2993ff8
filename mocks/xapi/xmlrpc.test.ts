import { describe, expect, it } from 'vitest';
import { XapiFailure } from '../sim/failure';
import { XmlRpcParseError } from './xml-reader';
import { parseMethodCall, xmlRpcFailure, xmlRpcSuccess } from './xmlrpc';

const call = (params: string) => `<methodCall><methodName>m</methodName><params>${params}</params></methodCall>`;
const param = (value: string) => call(`<param>${value}</param>`);
const paramValue = (value: string) => parseMethodCall(param(value)).params[0];

describe('parseMethodCall', () => {
  it('reads the method name and positional params of an indented call with a declaration', () => {
    const body = `<?xml version="1.0" encoding="UTF-8"?>
<methodCall>
  <methodName>session.login_with_password</methodName>
  <params>
    <param><value>root</value></param>
    <param>
      <value><string>xenith</string></value>
    </param>
  </params>
</methodCall>
`;
    expect(parseMethodCall(body)).toEqual({ method: 'session.login_with_password', params: ['root', 'xenith'] });
  });

  it('accepts <params/> and a call with no params', () => {
    expect(parseMethodCall('<methodCall><methodName>system.listMethods</methodName><params/></methodCall>')).toEqual({
      method: 'system.listMethods',
      params: [],
    });
  });

  it('reads a bare <value> as a string, keeping its whitespace', () => {
    expect(paramValue('<value>OpaqueRef:abc</value>')).toBe('OpaqueRef:abc');
    expect(paramValue('<value>  two words </value>')).toBe('  two words ');
    expect(paramValue('<value></value>')).toBe('');
    expect(paramValue('<value/>')).toBe('');
    expect(paramValue('<value><string/></value>')).toBe('');
  });

  it('reads ints of every spelling, keeping digits that a double cannot hold exactly', () => {
    expect(paramValue('<value><int>42</int></value>')).toBe(42);
    expect(paramValue('<value><i4>-7</i4></value>')).toBe(-7);
    expect(paramValue('<value><i8>+8589934592</i8></value>')).toBe(8589934592);
    expect(paramValue('<value><i8>9223372036854775807</i8></value>')).toBe('9223372036854775807');
  });

  it('reads booleans as ocaml-rpc does: only "1" is true', () => {
    expect(paramValue('<value><boolean>1</boolean></value>')).toBe(true);
    expect(paramValue('<value><boolean>0</boolean></value>')).toBe(false);
    expect(paramValue('<value><boolean>true</boolean></value>')).toBe(false);
  });

  it('reads doubles, datetimes, base64 (as UTF-8) and nil', () => {
    expect(paramValue('<value><double>30.1</double></value>')).toBe(30.1);
    expect(paramValue('<value><double>-1.5e3</double></value>')).toBe(-1500);
    expect(paramValue('<value><dateTime.iso8601>20260821T02:00:23Z</dateTime.iso8601></value>')).toBe(
      '20260821T02:00:23Z',
    );
    const utf8 = Buffer.from('café ✓').toString('base64');
    expect(paramValue(`<value><base64>${utf8}</base64></value>`)).toBe('café ✓');
    expect(paramValue('<value><nil/></value>')).toBeNull();
  });

  it('reads nested arrays and structs, empty ones included', () => {
    const value = `<value><struct>
      <member><name>tags</name><value><array><data><value>web</value><value><int>2</int></value></data></array></value></member>
      <member><name>other_config</name><value><struct/></value></member>
      <member><name>empty</name><value><array><data/></array></value></member>
    </struct></value>`;
    expect(paramValue(value)).toEqual({ tags: ['web', 2], other_config: {}, empty: [] });
  });

  it('keeps a struct member named __proto__ as data', () => {
    const struct = paramValue(
      '<value><struct><member><name>__proto__</name><value>x</value></member></struct></value>',
    );
    expect(Object.keys(struct as object)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(struct)).toBe(Object.prototype);
  });

  it('unescapes entities and character references, and reads CDATA and comments', () => {
    expect(paramValue('<value>&lt;a&gt; &amp; &quot;b&quot; &apos;c&apos; &#65;&#x42;&#x1F600;</value>')).toBe(
      `<a> & "b" 'c' AB😀`,
    );
    expect(paramValue('<value><string><![CDATA[<raw & text>]]> tail</string></value>')).toBe('<raw & text> tail');
    expect(paramValue('<value>a<!-- note -->b<?pi x?>c</value>')).toBe('abc');
    expect(paramValue('<value>line1\r\nline2\rline3</value>')).toBe('line1\nline2\nline3');
  });

  it('skips attributes, even with a > inside quotes', () => {
    expect(parseMethodCall('<methodCall a="x>y"><methodName>m</methodName><params/></methodCall>').method).toBe('m');
  });

  it.each([
    ['an empty body', ''],
    ['plain text', 'garbage'],
    ['JSON', '{"method":"VM.get_all","params":[],"id":1}'],
    ['a truncated document', '<methodCall><methodName>m</methodName>'],
    ['mismatched tags', '<methodCall><methodName>m</methodCall></methodName>'],
    ['a missing <params>', '<methodCall><methodName>m</methodName></methodCall>'],
    ['a wrong root', '<methodResponse><params/></methodResponse>'],
    ['a second root', `${call('')}<x/>`],
    ['text after the root', `${call('')} trailing`],
    ['an unknown value type', param('<value><float>1</float></value>')],
    ['a bad int', param('<value><int>12a</int></value>')],
    ['an int beyond 64 bits', param('<value><i8>9223372036854775808</i8></value>')],
    ['an empty int', param('<value><int/></value>')],
    ['a bad double', param('<value><double>one</double></value>')],
    ['bad base64', param('<value><base64>*</base64></value>')],
    ['an unknown entity', param('<value>&nbsp;</value>')],
    ['a bare ampersand', param('<value>a & b</value>')],
    ['a bad character reference', param('<value>&#xZZ;</value>')],
    ['text mixed with a typed value', param('<value>abc<int>1</int></value>')],
    ['an array without <data>', param('<value><array><value>1</value></array></value>')],
    ['a member without a name', param('<value><struct><member><value>1</value></member></struct></value>')],
    ['an unterminated comment', '<methodCall><!-- '],
    ['an unterminated tag', '<methodCall'],
    ['a DTD declaring entities', `<!DOCTYPE x [<!ENTITY e "boom">]>${call('')}`],
  ])('refuses %s with XmlRpcParseError', (_what, body) => {
    expect(() => parseMethodCall(body)).toThrow(XmlRpcParseError);
  });
});

describe('XML-RPC responses', () => {
  const head = '<?xml version="1.0"?><methodResponse><params><param>';
  const tail = '</param></params></methodResponse>';

  it('wraps a result in a Status: Success struct', () => {
    expect(
      xmlRpcSuccess('session.login_with_password', { value: 'OpaqueRef:1', type: { kind: 'ref', cls: 'session' } }),
    ).toBe(
      `${head}<value><struct><member><name>Status</name><value>Success</value></member>` +
        `<member><name>Value</name><value>OpaqueRef:1</value></member></struct></value>${tail}`,
    );
  });

  it('encodes values by their datamodel type', () => {
    const value = (v: unknown, type: Parameters<typeof xmlRpcSuccess>[1]['type']) =>
      /<name>Value<\/name>(.*)<\/member><\/struct>/.exec(xmlRpcSuccess('x', { value: v, type }))![1];
    expect(value(4294967296, { kind: 'int' })).toBe('<value>4294967296</value>');
    expect(value(0.5, { kind: 'float' })).toBe('<value><double>0.5</double></value>');
    expect(value(true, { kind: 'bool' })).toBe('<value><boolean>1</boolean></value>');
    expect(value(false, { kind: 'bool' })).toBe('<value><boolean>0</boolean></value>');
    expect(value('20260101T00:00:00Z', { kind: 'datetime' })).toBe(
      '<value><dateTime.iso8601>20260101T00:00:00Z</dateTime.iso8601></value>',
    );
    expect(value(undefined, { kind: 'void' })).toBe('<value></value>');
    expect(
      value({ a: [1] }, { kind: 'map', key: { kind: 'string' }, value: { kind: 'set', of: { kind: 'int' } } }),
    ).toBe(
      '<value><struct><member><name>a</name><value><array><data><value>1</value></data></array></value></member></struct></value>',
    );
  });

  it('answers system.listMethods with the bare array, as api_server.ml does', () => {
    expect(xmlRpcSuccess('system.listMethods', { value: ['VM.start'], type: { kind: 'unknown' } })).toBe(
      `${head}<value><array><data><value>VM.start</value></data></array></value>${tail}`,
    );
  });

  it('puts an error in a Status: Failure struct with ErrorDescription [code, ...params], escaped', () => {
    expect(xmlRpcFailure(new XapiFailure('INTERNAL_ERROR', ['a<b & c>d']))).toBe(
      `${head}<value><struct><member><name>Status</name><value>Failure</value></member>` +
        '<member><name>ErrorDescription</name><value><array><data><value>INTERNAL_ERROR</value>' +
        `<value>a&lt;b &amp; c&gt;d</value></data></array></value></member></struct></value>${tail}`,
    );
  });
});
