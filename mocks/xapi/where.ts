/**
 * The expression language of get_all_records_where (xen-api's db_filter):
 *   field "power_state" = "Running" and not (field "is_a_template" = "true")
 * Values compare as their string form; `true`/`false` are constants.
 */
import { XapiFailure } from '../sim/failure';

type Predicate = (record: Record<string, unknown>) => boolean;

const TOKEN = /\s*(\(|\)|=|<>|"(?:[^"\\]|\\.)*"|[A-Za-z_]+)/y;

function tokenize(expr: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < expr.length) {
    if (/^\s*$/.test(expr.slice(TOKEN.lastIndex))) break;
    const m = TOKEN.exec(expr);
    if (!m) throw new XapiFailure('INVALID_VALUE', ['expr', expr]);
    tokens.push(m[1]);
  }
  return tokens;
}

function asText(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export function compileWhere(expr: string): Predicate {
  const tokens = tokenize(expr);
  let i = 0;
  const bad = (): never => {
    throw new XapiFailure('INVALID_VALUE', ['expr', expr]);
  };
  const literal = (): ((r: Record<string, unknown>) => string) => {
    const t = tokens[i++] ?? bad();
    if (t === 'field') {
      const name = tokens[i++] ?? bad();
      if (!name.startsWith('"')) bad();
      const key = JSON.parse(name) as string;
      return (r) => asText(r[key]);
    }
    if (t.startsWith('"')) {
      const value = JSON.parse(t) as string;
      return () => value;
    }
    return bad();
  };
  const atom = (): Predicate => {
    const t = tokens[i];
    if (t === 'true' || t === 'false') {
      i++;
      return () => t === 'true';
    }
    if (t === 'not') {
      i++;
      const inner = atom();
      return (r) => !inner(r);
    }
    if (t === '(') {
      i++;
      const inner = or();
      if (tokens[i++] !== ')') bad();
      return inner;
    }
    const left = literal();
    const op = tokens[i++];
    if (op !== '=' && op !== '<>') bad();
    const right = literal();
    return op === '=' ? (r) => left(r) === right(r) : (r) => left(r) !== right(r);
  };
  const and = (): Predicate => {
    let p = atom();
    while (tokens[i] === 'and') {
      i++;
      const [a, b] = [p, atom()];
      p = (r) => a(r) && b(r);
    }
    return p;
  };
  const or = (): Predicate => {
    let p = and();
    while (tokens[i] === 'or') {
      i++;
      const [a, b] = [p, and()];
      p = (r) => a(r) || b(r);
    }
    return p;
  };
  const predicate = or();
  if (i !== tokens.length) bad();
  return predicate;
}
