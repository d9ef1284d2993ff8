/** grep, head, tail and wc, for the far end of a pipeline (or a file). */

const lines = (text: string) => {
  const all = text.split('\n');
  if (all.at(-1) === '') all.pop();
  return all;
};

/** `-n N`, `-nN` or `-N`: how many lines head and tail keep (10 by default). */
function lineCount(args: string[]): { count: number; rest: string[] } | string {
  let count = 10;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value =
      arg === '-n' ? args[++i] : /^-n\d+$/.test(arg) ? arg.slice(2) : /^-\d+$/.test(arg) ? arg.slice(1) : undefined;
    if (value === undefined) {
      rest.push(arg);
      continue;
    }
    if (!/^\d+$/.test(value)) return `invalid number of lines: '${value}'`;
    count = Number(value);
  }
  return { count, rest };
}

export function head(args: string[], input: string): string {
  const parsed = lineCount(args);
  if (typeof parsed === 'string') return `head: ${parsed}`;
  return lines(input).slice(0, parsed.count).join('\n');
}

export function tail(args: string[], input: string): string {
  const parsed = lineCount(args);
  if (typeof parsed === 'string') return `tail: ${parsed}`;
  return parsed.count === 0 ? '' : lines(input).slice(-parsed.count).join('\n');
}

/** `grep [-i] [-v] [-c] PATTERN`: the pattern is an extended regular expression. */
export function grep(args: string[], input: string): string {
  const flags = new Set<string>();
  const rest: string[] = [];
  for (const arg of args) {
    if (/^-[ivcE]+$/.test(arg)) for (const f of arg.slice(1)) flags.add(f);
    else rest.push(arg);
  }
  const [pattern] = rest;
  if (pattern === undefined)
    return "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.";
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, flags.has('i') ? 'i' : '');
  } catch {
    return 'grep: Unmatched ( or \\(';
  }
  const matched = lines(input).filter((line) => regex.test(line) !== flags.has('v'));
  return flags.has('c') ? String(matched.length) : matched.join('\n');
}

/** `wc [-l|-w|-c]`: all three counts when none is asked for. */
export function wc(args: string[], input: string): string {
  const counts: Record<string, number> = {
    l: (input.match(/\n/g) ?? []).length,
    w: input.split(/\s+/).filter(Boolean).length,
    c: new TextEncoder().encode(input).length,
  };
  const chosen = args.flatMap((a) => (/^-[lwc]+$/.test(a) ? a.slice(1).split('') : []));
  const keys = chosen.length ? ['l', 'w', 'c'].filter((k) => chosen.includes(k)) : ['l', 'w', 'c'];
  if (keys.length === 1) return String(counts[keys[0]]);
  return keys.map((k) => String(counts[k]).padStart(7)).join(' ');
}
