/**
 * A character-cell screen driven by the escape sequences a Linux console understands
 * (the subset the simulated guests print): printing with auto-wrap, CR, LF, BS, TAB,
 * cursor movement and positioning, erasing, scrolling, SGR colours (16, bold as bright,
 * inverse) and cursor visibility. Other sequences are read and ignored.
 */

/** Colour indexes into the 16-colour console palette. */
export const DEFAULT_FG = 7;
export const DEFAULT_BG = 0;

const BOLD = 1 << 8;
const INVERSE = 1 << 9;

/** Packs fg (4 bits), bg (4 bits) and flags into one cell attribute. */
const attr = (fg: number, bg: number, flags = 0) => fg | (bg << 4) | flags;
const PLAIN = attr(DEFAULT_FG, DEFAULT_BG);

/** The colours a cell shows: bold brightens the first eight, inverse swaps them. */
export function cellColours(a: number): { fg: number; bg: number } {
  let fg = a & 15;
  let bg = (a >> 4) & 15;
  if (a & BOLD && fg < 8) fg += 8;
  if (a & INVERSE) [fg, bg] = [bg, fg];
  return { fg, bg };
}

type ParseState = 'text' | 'escape' | 'csi' | 'osc' | 'charset';

export class TextScreen {
  chars: Uint32Array;
  attrs: Uint16Array;
  cursorX = 0;
  cursorY = 0;
  cursorVisible = true;
  /** Rows changed since the last `takeDirtyRows`. */
  private dirty: Uint8Array;
  private current = PLAIN;
  private wrapPending = false;
  private state: ParseState = 'text';
  private params = '';

  constructor(
    public cols: number,
    public rows: number,
  ) {
    this.chars = new Uint32Array(cols * rows).fill(32);
    this.attrs = new Uint16Array(cols * rows).fill(PLAIN);
    this.dirty = new Uint8Array(rows).fill(1);
  }

  /** A new geometry, keeping what fits from the top left, as the kernel's console does. */
  resize(cols: number, rows: number): void {
    const chars = new Uint32Array(cols * rows).fill(32);
    const attrs = new Uint16Array(cols * rows).fill(PLAIN);
    // Keep the bottom of the old screen (where the cursor is) when it has more rows.
    const skip = Math.max(0, this.cursorY + 1 - rows);
    for (let y = 0; y < Math.min(rows, this.rows - skip); y++) {
      for (let x = 0; x < Math.min(cols, this.cols); x++) {
        chars[y * cols + x] = this.chars[(y + skip) * this.cols + x];
        attrs[y * cols + x] = this.attrs[(y + skip) * this.cols + x];
      }
    }
    this.cols = cols;
    this.rows = rows;
    this.chars = chars;
    this.attrs = attrs;
    this.cursorY = Math.min(rows - 1, this.cursorY - skip);
    this.cursorX = Math.min(cols - 1, this.cursorX);
    this.dirty = new Uint8Array(rows).fill(1);
  }

  /** Which rows changed since last asked, and forgets them. */
  takeDirtyRows(): number[] {
    const rows: number[] = [];
    for (let y = 0; y < this.rows; y++) if (this.dirty[y]) rows.push(y);
    this.dirty.fill(0);
    return rows;
  }

  /** The text of row `y`, trailing spaces removed (for tests and debugging). */
  rowText(y: number): string {
    return String.fromCodePoint(...this.chars.subarray(y * this.cols, (y + 1) * this.cols)).trimEnd();
  }

  write(text: string): void {
    for (const ch of text) this.char(ch);
  }

  private char(ch: string): void {
    switch (this.state) {
      case 'escape':
        this.escape(ch);
        return;
      case 'csi':
        if (ch >= '@' && ch <= '~') {
          this.state = 'text';
          this.csi(ch, this.params);
        } else this.params += ch;
        return;
      case 'osc':
        if (ch === '\x07' || ch === '\x1b') this.state = 'text';
        return;
      case 'charset':
        this.state = 'text';
        return;
    }
    const code = ch.codePointAt(0)!;
    if (code >= 32 && code !== 127) {
      this.print(code);
      return;
    }
    switch (ch) {
      case '\x1b':
        this.state = 'escape';
        return;
      case '\r':
        this.cursorX = 0;
        this.wrapPending = false;
        return;
      case '\n':
      case '\v':
      case '\f':
        this.lineFeed();
        return;
      case '\b':
        this.wrapPending = false;
        this.cursorX = Math.max(0, this.cursorX - 1);
        return;
      case '\t':
        this.cursorX = Math.min(this.cols - 1, (Math.floor(this.cursorX / 8) + 1) * 8);
        return;
    }
  }

  private escape(ch: string): void {
    this.state = 'text';
    if (ch === '[') {
      this.state = 'csi';
      this.params = '';
    } else if (ch === ']') this.state = 'osc';
    else if (ch === '(' || ch === ')') this.state = 'charset';
    else if (ch === 'c') this.reset();
    else if (ch === 'M') this.reverseIndex();
  }

  private print(code: number): void {
    if (this.wrapPending) {
      this.cursorX = 0;
      this.lineFeed();
    }
    const at = this.cursorY * this.cols + this.cursorX;
    this.chars[at] = code;
    this.attrs[at] = this.current;
    this.dirty[this.cursorY] = 1;
    if (this.cursorX === this.cols - 1) this.wrapPending = true;
    else this.cursorX++;
  }

  private lineFeed(): void {
    this.wrapPending = false;
    if (this.cursorY < this.rows - 1) {
      this.cursorY++;
      return;
    }
    this.chars.copyWithin(0, this.cols);
    this.attrs.copyWithin(0, this.cols);
    this.clearCells((this.rows - 1) * this.cols, this.rows * this.cols);
    this.dirty.fill(1);
  }

  private reverseIndex(): void {
    if (this.cursorY > 0) {
      this.cursorY--;
      return;
    }
    this.chars.copyWithin(this.cols, 0, (this.rows - 1) * this.cols);
    this.attrs.copyWithin(this.cols, 0, (this.rows - 1) * this.cols);
    this.clearCells(0, this.cols);
    this.dirty.fill(1);
  }

  /** Blank cells take the current background, as the console erases. */
  private clearCells(from: number, to: number): void {
    this.chars.fill(32, from, to);
    this.attrs.fill(attr(DEFAULT_FG, (this.current >> 4) & 15), from, to);
    for (let y = Math.floor(from / this.cols); y <= Math.floor((to - 1) / this.cols); y++) this.dirty[y] = 1;
  }

  private reset(): void {
    this.current = PLAIN;
    this.clearCells(0, this.cols * this.rows);
    this.cursorX = 0;
    this.cursorY = 0;
    this.cursorVisible = true;
  }

  private csi(final: string, raw: string): void {
    const priv = raw.startsWith('?');
    const numbers = (priv ? raw.slice(1) : raw).split(';').map((p) => (p === '' ? undefined : Number(p)));
    const n = (i: number, fallback: number) => numbers[i] ?? fallback;
    this.wrapPending = false;
    const row = this.cursorY * this.cols;
    switch (final) {
      case 'A':
        this.cursorY = Math.max(0, this.cursorY - n(0, 1));
        break;
      case 'B':
        this.cursorY = Math.min(this.rows - 1, this.cursorY + n(0, 1));
        break;
      case 'C':
        this.cursorX = Math.min(this.cols - 1, this.cursorX + n(0, 1));
        break;
      case 'D':
        this.cursorX = Math.max(0, this.cursorX - n(0, 1));
        break;
      case 'G':
        this.cursorX = Math.min(this.cols - 1, Math.max(0, n(0, 1) - 1));
        break;
      case 'H':
      case 'f':
        this.cursorY = Math.min(this.rows - 1, Math.max(0, n(0, 1) - 1));
        this.cursorX = Math.min(this.cols - 1, Math.max(0, n(1, 1) - 1));
        break;
      case 'J': {
        const mode = n(0, 0);
        const at = row + this.cursorX;
        if (mode === 0) this.clearCells(at, this.cols * this.rows);
        else if (mode === 1) this.clearCells(0, at + 1);
        else this.clearCells(0, this.cols * this.rows);
        break;
      }
      case 'K': {
        const mode = n(0, 0);
        if (mode === 0) this.clearCells(row + this.cursorX, row + this.cols);
        else if (mode === 1) this.clearCells(row, row + this.cursorX + 1);
        else this.clearCells(row, row + this.cols);
        break;
      }
      case 'm':
        this.sgr(numbers.map((p) => p ?? 0));
        break;
      case 'h':
      case 'l':
        if (priv && numbers[0] === 25) this.cursorVisible = final === 'h';
        break;
    }
  }

  private sgr(codes: number[]): void {
    let fg = this.current & 15;
    let bg = (this.current >> 4) & 15;
    let flags = this.current & (BOLD | INVERSE);
    for (const code of codes.length ? codes : [0]) {
      if (code === 0) [fg, bg, flags] = [DEFAULT_FG, DEFAULT_BG, 0];
      else if (code === 1) flags |= BOLD;
      else if (code === 22) flags &= ~BOLD;
      else if (code === 7) flags |= INVERSE;
      else if (code === 27) flags &= ~INVERSE;
      else if (code >= 30 && code <= 37) fg = code - 30;
      else if (code === 39) fg = DEFAULT_FG;
      else if (code >= 40 && code <= 47) bg = code - 40;
      else if (code === 49) bg = DEFAULT_BG;
      else if (code >= 90 && code <= 97) fg = code - 90 + 8;
      else if (code >= 100 && code <= 107) bg = code - 100 + 8;
    }
    this.current = attr(fg, bg, flags);
  }
}
