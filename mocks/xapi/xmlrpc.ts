/**
 * XML-RPC as xapi speaks it (mirage/ocaml-rpc src/lib/xmlrpc.ml): a methodCall is
 * read with the same leniencies (a bare <value> is a string, <boolean> is true only
 * for "1"), and a reply is one struct, {Status: Success, Value} or
 * {Status: Failure, ErrorDescription: [code, ...params]}; XML-RPC <fault> is never used.
 */
import type { XapiFailure } from '../sim/failure';
import type { CallResult } from './dispatch';
import { XmlReader, XmlRpcParseError, type XmlToken } from './xml-reader';
import { encodeXmlValue, escapeXml } from './xml-value';

export interface XmlRpcCall {
  method: string;
  params: unknown[];
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const INT_TEXT = /^[-+]?\d+$/;
const FLOAT_TEXT = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
/** ocaml-rpc's is_empty: only space, tab and newline count as blank. */
const BLANK = /^[ \t\n]*$/;

function tokenText(token: XmlToken): string {
  switch (token.kind) {
    case 'open':
      return `<${token.name}>`;
    case 'close':
      return `</${token.name}>`;
    case 'text':
      return `text ${JSON.stringify(token.text.slice(0, 40))}`;
    default:
      return 'end of document';
  }
}

/** XML-RPC's value grammar over the token stream, one method per construct. */
class MethodCallParser {
  constructor(private readonly xml: XmlReader) {}

  private fail(expected: string): never {
    throw new XmlRpcParseError(`expected ${expected}, got ${tokenText(this.xml.peek())}`);
  }

  /** Drops blank text between elements. */
  private skipBlank(): void {
    for (let t = this.xml.peek(); t.kind === 'text' && BLANK.test(t.text); t = this.xml.peek()) this.xml.next();
  }

  private open(name?: string): string {
    this.skipBlank();
    const t = this.xml.peek();
    if (t.kind !== 'open' || (name !== undefined && t.name !== name)) this.fail(`<${name ?? 'element'}>`);
    this.xml.next();
    return t.name;
  }

  private close(name: string): void {
    this.skipBlank();
    if (this.xml.peek().kind !== 'close') this.fail(`</${name}>`);
    this.xml.next();
  }

  private atClose(): boolean {
    this.skipBlank();
    return this.xml.peek().kind === 'close';
  }

  /** The element's character data; an empty element reads as "". */
  private data(): string {
    const t = this.xml.peek();
    if (t.kind === 'close') return '';
    if (t.kind !== 'text') this.fail('character data');
    this.xml.next();
    return t.text;
  }

  methodCall(): XmlRpcCall {
    this.open('methodCall');
    this.open('methodName');
    const method = this.data();
    this.close('methodName');
    const params: unknown[] = [];
    this.open('params');
    while (!this.atClose()) {
      this.open('param');
      params.push(this.value());
      this.close('param');
    }
    this.close('params');
    this.close('methodCall');
    if (this.xml.next().kind !== 'end') this.fail('end of document');
    return { method, params };
  }

  value(): unknown {
    this.open('value');
    let result: unknown = '';
    const t = this.xml.peek();
    if (t.kind === 'text') {
      this.xml.next();
      // Blank text before an element is indentation; otherwise the text is the string.
      result = BLANK.test(t.text) && this.xml.peek().kind === 'open' ? this.typed() : t.text;
    } else if (t.kind === 'open') {
      result = this.typed();
    }
    this.close('value');
    return result;
  }

  private typed(): unknown {
    const tag = this.open();
    let result: unknown;
    if (this.xml.peek().kind === 'close') result = emptyValue(tag);
    else result = this.nonEmpty(tag);
    this.close(tag);
    return result;
  }

  private nonEmpty(tag: string): unknown {
    switch (tag) {
      case 'int':
      case 'i4':
      case 'i8':
        return parseInt64(this.data());
      case 'boolean':
        // ocaml-rpc: anything but "1" is false.
        return this.data() === '1';
      case 'double':
        return parseDouble(this.data());
      case 'string':
      case 'dateTime.iso8601':
        return this.data();
      case 'base64':
        return decodeBase64(this.data());
      case 'array':
        return this.array();
      case 'struct':
        return this.struct();
      case 'nil':
        if (!BLANK.test(this.data())) this.fail('</nil>');
        return null;
      default:
        throw new XmlRpcParseError(`unknown value type <${tag}>`);
    }
  }

  private array(): unknown[] {
    const items: unknown[] = [];
    this.open('data');
    while (!this.atClose()) items.push(this.value());
    this.close('data');
    return items;
  }

  private struct(): Record<string, unknown> {
    const members: [string, unknown][] = [];
    while (!this.atClose()) {
      this.open('member');
      this.open('name');
      const name = this.data();
      this.close('name');
      members.push([name, this.value()]);
      this.close('member');
    }
    // fromEntries defines own properties, so a member named __proto__ stays data.
    return Object.fromEntries(members);
  }
}

/** Content of an empty element: ocaml-rpc's empty_tag, which refuses an empty number or boolean. */
function emptyValue(tag: string): unknown {
  switch (tag) {
    case 'string':
    case 'value':
      return '';
    case 'array':
      return [];
    case 'struct':
      return {};
    case 'nil':
      return null;
    default:
      throw new XmlRpcParseError(`empty <${tag}>`);
  }
}

/** Int64.of_string: a number when it fits a double exactly, else its digits (decode.ts reads both). */
function parseInt64(text: string): number | string {
  if (!INT_TEXT.test(text)) throw new XmlRpcParseError(`bad integer ${JSON.stringify(text)}`);
  const n = BigInt(text);
  if (n < INT64_MIN || n > INT64_MAX) throw new XmlRpcParseError(`integer out of range: ${text}`);
  return Number.isSafeInteger(Number(n)) ? Number(n) : n.toString();
}

function parseDouble(text: string): number {
  if (!FLOAT_TEXT.test(text)) throw new XmlRpcParseError(`bad double ${JSON.stringify(text)}`);
  return Number(text);
}

/** <base64> carries bytes; xapi's strings are UTF-8, so the bytes are read as UTF-8. */
function decodeBase64(text: string): string {
  let binary: string;
  try {
    binary = atob(text.replace(/\s+/g, ''));
  } catch {
    throw new XmlRpcParseError('bad base64');
  }
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** Parses a methodCall body; throws XmlRpcParseError when it is not one. */
export function parseMethodCall(body: string): XmlRpcCall {
  return new MethodCallParser(new XmlReader(body)).methodCall();
}

const RESPONSE_HEAD = '<?xml version="1.0"?><methodResponse><params><param>';
const RESPONSE_TAIL = '</param></params></methodResponse>';

function statusStruct(status: 'Success' | 'Failure', key: string, value: string): string {
  return `${RESPONSE_HEAD}<value><struct><member><name>Status</name><value>${status}</value></member><member><name>${key}</name>${value}</member></struct></value>${RESPONSE_TAIL}`;
}

export function xmlRpcSuccess(method: string, result: CallResult): string {
  const value = encodeXmlValue(result.value, result.type);
  // api_server.ml answers system.listMethods with the bare array, not the Status struct.
  if (method === 'system.listMethods') return RESPONSE_HEAD + value + RESPONSE_TAIL;
  return statusStruct('Success', 'Value', value);
}

export function xmlRpcFailure(failure: XapiFailure): string {
  const description = [failure.code, ...failure.params].map((s) => `<value>${escapeXml(s)}</value>`).join('');
  return statusStruct('Failure', 'ErrorDescription', `<value><array><data>${description}</data></array></value>`);
}
