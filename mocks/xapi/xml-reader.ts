/**
 * A small pull parser for the XML that XML-RPC uses: elements (attributes are
 * skipped), character data with entity and character references, CDATA, comments
 * and processing instructions. It has no DOMParser dependency, so it runs in Node and
 * in a service worker. A document that is not well-formed throws XmlRpcParseError.
 */

export class XmlRpcParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlRpcParseError';
  }
}

export type XmlToken =
  | { kind: 'open'; name: string }
  | { kind: 'close'; name: string }
  | { kind: 'text'; text: string }
  | { kind: 'end' };

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const NAME = /^[A-Za-z_:][\w.:-]*$/;
const NAME_END = /[\s/>]/;
const SPACE = /\s/;

function decodeReference(ref: string): string {
  if (ref.startsWith('#')) {
    const hex = ref[1] === 'x';
    const digits = ref.slice(hex ? 2 : 1);
    const code = Number.parseInt(digits, hex ? 16 : 10);
    if (!(hex ? /^[0-9a-fA-F]+$/ : /^\d+$/).test(digits) || code > 0x10ffff) {
      throw new XmlRpcParseError(`bad character reference &${ref};`);
    }
    return String.fromCodePoint(code);
  }
  const named = ENTITIES[ref];
  if (named === undefined) throw new XmlRpcParseError(`unknown entity &${ref};`);
  return named;
}

/** XML's end-of-line handling: CR LF and lone CR read as LF. */
const normaliseLines = (s: string) => s.replace(/\r\n?/g, '\n');

function decodeText(raw: string): string {
  const text = normaliseLines(raw);
  if (!text.includes('&')) return text;
  return text.replace(/&([^;&]*);|&/g, (_match, ref: string | undefined) => {
    if (ref === undefined) throw new XmlRpcParseError('unescaped & in character data');
    return decodeReference(ref);
  });
}

export class XmlReader {
  private pos = 0;
  /** Open elements, innermost last. */
  private readonly open: string[] = [];
  private seenRoot = false;
  private lookahead: XmlToken | undefined;
  /** The close half of a self-closing element, reported after its open half as Xmlm does. */
  private pendingClose: string | undefined;

  constructor(private readonly src: string) {}

  peek(): XmlToken {
    this.lookahead ??= this.read();
    return this.lookahead;
  }

  next(): XmlToken {
    const token = this.peek();
    this.lookahead = undefined;
    return token;
  }

  private at(prefix: string): boolean {
    return this.src.startsWith(prefix, this.pos);
  }

  /** Moves past `terminator`, failing if the document ends first. */
  private skipPast(terminator: string, from: number): void {
    const i = this.src.indexOf(terminator, from);
    if (i < 0) throw new XmlRpcParseError(`unexpected end of document, expected ${terminator}`);
    this.pos = i + terminator.length;
  }

  /** Skips a comment, processing instruction or (before the root) DOCTYPE at the cursor. */
  private skipMarkup(): boolean {
    if (this.at('<!--')) this.skipPast('-->', this.pos + 4);
    else if (this.at('<?')) this.skipPast('?>', this.pos + 2);
    else if (this.at('<!DOCTYPE') && !this.seenRoot) {
      const end = this.src.indexOf('>', this.pos);
      // An internal subset could declare entities; XML-RPC never needs one.
      if (end < 0 || this.src.slice(this.pos, end).includes('[')) throw new XmlRpcParseError('unsupported DOCTYPE');
      this.pos = end + 1;
    } else return false;
    return true;
  }

  /** Character data up to the next tag, with CDATA sections folded in and comments and PIs dropped. */
  private readText(): string {
    let text = '';
    for (;;) {
      const lt = this.src.indexOf('<', this.pos);
      const stop = lt < 0 ? this.src.length : lt;
      text += decodeText(this.src.slice(this.pos, stop));
      this.pos = stop;
      if (this.at('<![CDATA[')) {
        const end = this.src.indexOf(']]>', this.pos + 9);
        if (end < 0) throw new XmlRpcParseError('unterminated CDATA section');
        text += normaliseLines(this.src.slice(this.pos + 9, end));
        this.pos = end + 3;
      } else if (!this.skipMarkup()) {
        return text;
      }
    }
  }

  private readTag(): XmlToken {
    const closing = this.at('</');
    const start = this.pos + (closing ? 2 : 1);
    let i = start;
    while (i < this.src.length && !NAME_END.test(this.src[i])) i++;
    const name = this.src.slice(start, i);
    if (!NAME.test(name)) throw new XmlRpcParseError(`malformed tag at offset ${this.pos}`);
    // Attributes are skipped, but a '>' inside a quoted value does not end the tag.
    let quote = '';
    for (; i < this.src.length; i++) {
      const c = this.src[i];
      if (quote) quote = c === quote ? '' : quote;
      else if (c === '"' || c === "'") quote = c;
      else if (c === '>') break;
    }
    if (i >= this.src.length) throw new XmlRpcParseError(`unterminated tag <${name}`);
    const selfClosing = !closing && this.src[i - 1] === '/';
    this.pos = i + 1;

    if (closing) {
      const innermost = this.open.pop();
      if (innermost !== name) throw new XmlRpcParseError(`</${name}> does not close <${innermost ?? ''}>`);
      return { kind: 'close', name };
    }
    if (this.open.length === 0 && this.seenRoot) throw new XmlRpcParseError('a second root element');
    this.seenRoot = true;
    if (selfClosing) this.pendingClose = name;
    else this.open.push(name);
    return { kind: 'open', name };
  }

  private read(): XmlToken {
    if (this.pendingClose !== undefined) {
      const name = this.pendingClose;
      this.pendingClose = undefined;
      return { kind: 'close', name };
    }
    for (;;) {
      if (this.open.length === 0) {
        // Outside the root only whitespace, comments and processing instructions may appear.
        while (this.pos < this.src.length && SPACE.test(this.src[this.pos])) this.pos++;
        if (this.pos >= this.src.length) {
          if (!this.seenRoot) throw new XmlRpcParseError('no root element');
          return { kind: 'end' };
        }
        if (!this.at('<')) throw new XmlRpcParseError('text outside the root element');
      } else if (this.pos >= this.src.length) {
        throw new XmlRpcParseError(`unexpected end of document inside <${this.open.at(-1)}>`);
      } else if (!this.at('<') || this.at('<![CDATA[')) {
        return { kind: 'text', text: this.readText() };
      }
      if (!this.skipMarkup()) return this.readTag();
    }
  }
}
