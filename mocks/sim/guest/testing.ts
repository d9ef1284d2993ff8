/** Helpers for tests that use a domain's text console as a person at its keyboard would. */

import type { Simulator } from '../simulator';
import { guestTerminal } from './guest-consoles';
import { GUEST_ROOT_PASSWORD } from './linux-console';
import type { GuestTerminal } from './terminal';

export class ConsoleDriver {
  /** Everything printed since the driver attached, with "\r\n" as "\n". */
  output = '';
  private read = 0;

  constructor(readonly terminal: GuestTerminal) {
    terminal.onOutput((text) => {
      this.output += text.replace(/\r\n/g, '\n');
    });
  }

  /** What was printed since the last call. */
  take(): string {
    const text = this.output.slice(this.read);
    this.read = this.output.length;
    return text;
  }

  type(text: string): void {
    this.terminal.input(text);
  }

  login(user = 'root', password = GUEST_ROOT_PASSWORD): void {
    this.type(`${user}\r${password}\r`);
    this.take();
  }

  /** Runs a command line and returns its output: without the echoed line and the next prompt. */
  run(line: string): string {
    this.take();
    this.type(`${line}\r`);
    const printed = this.take();
    const withoutEcho = printed.slice(printed.indexOf('\n') + 1);
    return withoutEcho.slice(0, withoutEcho.lastIndexOf('\n') + 1).replace(/\n$/, '');
  }
}

/** A driver on the VM's text console; throws if it has none. */
export function attachConsole(sim: Simulator, vm: string): ConsoleDriver {
  const terminal = guestTerminal(sim, vm);
  if (!terminal) throw new Error(`${vm} has no text console`);
  return new ConsoleDriver(terminal);
}
