/**
 * getty and login on the console: the issue banner, "<host> login:", a password read
 * without echo, and after a wrong password the usual pause before "Login incorrect".
 */
import { LineEditor } from './line-editor';
import type { GuestTerminal, TerminalProgram } from './terminal';

/** login's FAIL_DELAY. */
export const LOGIN_FAILURE_DELAY_MS = 3_000;

export interface LoginOptions {
  /** /etc/issue as getty prints it, above the first prompt. */
  issue: string;
  hostname: string;
  authenticate: (user: string, password: string) => boolean;
  /** The account is in: start its shell. */
  onLogin: (user: string) => void;
}

export class LoginProgram implements TerminalProgram {
  private user = '';
  private waiting = false;
  private readonly userEditor: LineEditor;
  private readonly passwordEditor: LineEditor;
  private editor: LineEditor;

  constructor(
    private readonly terminal: GuestTerminal,
    private readonly options: LoginOptions,
  ) {
    const write = (text: string) => terminal.write(text);
    this.userEditor = new LineEditor({
      write,
      echo: true,
      onLine: (line) => this.gotUser(line.trim()),
      onInterrupt: () => this.prompt(),
      onEof: () => {},
    });
    this.passwordEditor = new LineEditor({
      write,
      echo: false,
      onLine: (line) => this.gotPassword(line),
      onInterrupt: () => this.prompt(),
      onEof: () => {},
    });
    this.editor = this.userEditor;
  }

  start(): void {
    this.terminal.write(`\n${this.options.issue}\n\n`);
    this.prompt();
  }

  input(text: string): void {
    if (!this.waiting) this.editor.feed(text);
  }

  stop(): void {}

  private prompt(): void {
    this.editor = this.userEditor;
    this.terminal.write(`${this.options.hostname} login: `);
  }

  private gotUser(user: string): void {
    if (!user) {
      this.prompt();
      return;
    }
    this.user = user;
    this.editor = this.passwordEditor;
    this.terminal.write('Password: ');
  }

  private gotPassword(password: string): void {
    if (this.options.authenticate(this.user, password)) {
      this.options.onLogin(this.user);
      return;
    }
    this.waiting = true;
    this.terminal.schedule(LOGIN_FAILURE_DELAY_MS, () => {
      this.waiting = false;
      this.terminal.write('\nLogin incorrect\n');
      this.prompt();
    });
  }
}
