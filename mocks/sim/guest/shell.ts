/**
 * A login shell in the style of bash: a prompt, line editing with history, commands
 * separated by ";" and piped with "|", quoting, and bash's answer to an unknown command.
 * What each command prints comes from the command table it is given.
 */
import type { Simulator } from '../simulator';
import type { DistroFamily } from './guest-facts';
import { LineEditor } from './line-editor';
import type { GuestTerminal, TerminalProgram } from './terminal';

/** Who the system says it is: the shell's prompt, uname, /etc/os-release. */
export interface SystemIdentity {
  hostname: string;
  prettyName: string;
  family: DistroFamily | 'xcp-ng';
  kernelRelease: string;
  tty: string;
}

export interface CommandContext {
  sim: Simulator;
  /** The domain whose OS runs the shell (dom0 for a host). */
  vm: string;
  terminal: GuestTerminal;
  shell: Shell;
  /** The words after the command's name. */
  args: string[];
  /** What the previous command of a pipeline printed. */
  stdin?: string;
}

/** Text to print, a program to run in the foreground, or the end of the session. */
export type CommandOutcome = string | { program: TerminalProgram } | { logout: true };
export type Command = (ctx: CommandContext) => CommandOutcome;
export type CommandTable = Readonly<Record<string, Command>>;

export interface ShellOptions {
  sim: Simulator;
  vm: string;
  user: string;
  identity: SystemIdentity;
  commands: CommandTable;
  /** The session ended (exit, logout, Ctrl+D): getty prompts again. */
  onLogout: () => void;
}

const HOME = '/root';

/** Splits a command line into words, honouring single and double quotes and backslashes. */
export function words(line: string): string[] {
  const out: string[] = [];
  let word: string | undefined;
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === quote) quote = '';
      else word = (word ?? '') + ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      word ??= '';
    } else if (ch === '\\' && i + 1 < line.length) {
      word = (word ?? '') + line[++i];
    } else if (ch === ' ' || ch === '\t') {
      if (word !== undefined) out.push(word);
      word = undefined;
    } else {
      word = (word ?? '') + ch;
    }
  }
  if (word !== undefined) out.push(word);
  return out;
}

/** Splits at an unquoted separator (";" between commands, "|" between the stages of a pipeline). */
function splitOutsideQuotes(line: string, separator: string): string[] {
  const parts: string[] = [];
  let quote = '';
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === separator) {
      parts.push(line.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(line.slice(start));
  return parts;
}

export class Shell implements TerminalProgram {
  cwd = HOME;
  private readonly history: string[] = [];
  private readonly editor: LineEditor;
  private readonly terminal: GuestTerminal;

  constructor(
    terminal: GuestTerminal,
    readonly options: ShellOptions,
  ) {
    this.terminal = terminal;
    this.editor = new LineEditor({
      write: (text) => terminal.write(text),
      echo: true,
      history: this.history,
      onLine: (line) => this.runLine(line),
      onInterrupt: () => this.prompt(),
      onEof: () => {
        terminal.write('logout\n');
        this.options.onLogout();
      },
      onClearScreen: () => {
        terminal.write('\x1b[H\x1b[2J');
        this.prompt();
        terminal.write(this.editor.current);
      },
    });
  }

  get identity(): SystemIdentity {
    return this.options.identity;
  }

  start(): void {
    this.prompt();
  }

  input(text: string): void {
    this.editor.feed(text);
  }

  resume(): void {
    this.prompt();
  }

  stop(): void {}

  /** The working directory as the prompt shows it. */
  private where(full: boolean): string {
    if (this.cwd === HOME) return '~';
    if (full || this.cwd === '/') return this.cwd;
    return this.cwd.slice(this.cwd.lastIndexOf('/') + 1);
  }

  prompt(): void {
    const { user, identity } = this.options;
    const sign = user === 'root' ? '#' : '$';
    const host = identity.hostname;
    const text =
      identity.family === 'rhel' || identity.family === 'xcp-ng'
        ? `[${user}@${host} ${this.where(false)}]${sign} `
        : identity.family === 'suse'
          ? `${host}:${this.where(true)} ${sign} `
          : `${user}@${host}:${this.where(true)}${sign} `;
    this.terminal.write(text);
  }

  private runLine(line: string): void {
    for (const command of splitOutsideQuotes(line, ';')) {
      if (!command.trim()) continue;
      const outcome = this.runPipeline(command);
      if (typeof outcome === 'string') {
        this.terminal.write(outcome && !outcome.endsWith('\n') ? `${outcome}\n` : outcome);
        continue;
      }
      if ('logout' in outcome) {
        this.terminal.write('logout\n');
        this.options.onLogout();
        return;
      }
      // A full-screen program takes over; the prompt comes back when it exits.
      this.terminal.run(outcome.program);
      return;
    }
    this.prompt();
  }

  private runPipeline(pipeline: string): CommandOutcome {
    let stdin: string | undefined;
    let outcome: CommandOutcome = '';
    for (const stage of splitOutsideQuotes(pipeline, '|')) {
      const [name, ...args] = words(stage);
      if (name === undefined) return "-bash: syntax error near unexpected token `|'";
      const command = this.options.commands[name];
      // Login shells name themselves "-bash".
      if (!command) return `-bash: ${name}: command not found`;
      outcome = command({
        sim: this.options.sim,
        vm: this.options.vm,
        terminal: this.terminal,
        shell: this,
        args,
        stdin,
      });
      if (typeof outcome !== 'string') return outcome;
      stdin = outcome;
    }
    return outcome;
  }
}
