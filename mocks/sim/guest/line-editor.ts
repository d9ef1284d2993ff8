/**
 * The line discipline of a shell or login prompt: echo, backspace, Ctrl+U, Ctrl+C,
 * Ctrl+D, Ctrl+L, and history on the up and down arrows, with escape sequences that may
 * arrive split across inputs. The cursor stays at the end of the line (left and right
 * arrows are read and ignored).
 */

export interface LineEditorOptions {
  write: (text: string) => void;
  /** Whether typed characters are shown (not for a password). */
  echo: boolean;
  onLine: (line: string) => void;
  /** Ctrl+C: the line is dropped. */
  onInterrupt: () => void;
  /** Ctrl+D on an empty line. */
  onEof: () => void;
  /** Ctrl+L. */
  onClearScreen?: () => void;
  /** Earlier lines, oldest first, for the arrows; the editor adds each line it reads. */
  history?: string[];
}

const ESC = '\x1b';

export class LineEditor {
  private line = '';
  private escape = '';
  private lastWasReturn = false;
  private historyAt = -1;

  constructor(private readonly options: LineEditorOptions) {}

  /** The line typed so far, e.g. to redraw it after the screen is cleared. */
  get current(): string {
    return this.line;
  }

  feed(text: string): void {
    for (const ch of text) this.key(ch);
  }

  private key(ch: string): void {
    if (this.escape) {
      this.escape += ch;
      // ESC [ params final, or ESC O final: the sequence ends with a byte from @ to ~.
      const body = this.escape.slice(1);
      if (body === '[' || body === 'O' || (/^\[[0-9;]*$/.test(body) && body.length > 1)) return;
      this.sequence(this.escape);
      this.escape = '';
      return;
    }
    const wasReturn = this.lastWasReturn;
    this.lastWasReturn = ch === '\r';
    switch (ch) {
      case ESC:
        this.escape = ESC;
        return;
      case '\r':
        this.enter();
        return;
      case '\n':
        // A terminal that sends CR LF for Enter: the LF belongs to the CR already handled.
        if (!wasReturn) this.enter();
        return;
      case '\x7f':
      case '\b':
        if (this.line) {
          this.line = this.line.slice(0, -1);
          if (this.options.echo) this.options.write('\b \b');
        }
        return;
      case '\x03':
        this.options.write('^C\n');
        this.line = '';
        this.historyAt = -1;
        this.options.onInterrupt();
        return;
      case '\x04':
        if (this.line === '') this.options.onEof();
        return;
      case '\x15':
        this.replaceLine('');
        return;
      case '\x0c':
        this.options.onClearScreen?.();
        return;
      case '\t':
        this.options.write('\x07');
        return;
    }
    if (ch < ' ') return;
    this.line += ch;
    if (this.options.echo) this.options.write(ch);
  }

  private enter(): void {
    const line = this.line;
    this.line = '';
    this.historyAt = -1;
    this.options.write('\n');
    if (line.trim() && this.options.history && this.options.history.at(-1) !== line) this.options.history.push(line);
    this.options.onLine(line);
  }

  private sequence(seq: string): void {
    const history = this.options.history;
    if (!history?.length || !this.options.echo) return;
    const final = seq.at(-1);
    if (final === 'A') {
      this.historyAt = this.historyAt < 0 ? history.length - 1 : Math.max(0, this.historyAt - 1);
      this.replaceLine(history[this.historyAt]);
    } else if (final === 'B' && this.historyAt >= 0) {
      this.historyAt = this.historyAt + 1 < history.length ? this.historyAt + 1 : -1;
      this.replaceLine(this.historyAt < 0 ? '' : history[this.historyAt]);
    }
  }

  /** Erases what is shown of the line and shows `text` instead. */
  private replaceLine(text: string): void {
    if (this.options.echo) this.options.write('\b \b'.repeat(this.line.length) + text);
    this.line = text;
  }
}
