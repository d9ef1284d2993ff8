/**
 * What the console's toolbar may ask of the screen shown (xterm.js or noVNC). The
 * screens are chunks loaded on demand, so the toolbar holds only this, never the
 * libraries.
 */
import type { ConsoleLink } from './console-link';

export interface ScreenHandle {
  /** Puts the keyboard in the console. */
  focus(): void;
}

export interface TextScreenHandle extends ScreenHandle {
  /** The text selected in the terminal ('' when none). */
  selection(): string;
  /** Types `text` into the console as a paste (line breaks become Enter). */
  paste(text: string): void;
}

export interface GraphicalScreenHandle extends ScreenHandle {
  sendCtrlAltDel(): void;
}

/** What every screen is given. */
export interface ScreenProps<H extends ScreenHandle> {
  link: ConsoleLink;
  /** Fit the console to the space it has (noVNC scales its picture; xterm.js its letters, keeping 80 × 25). */
  scale: boolean;
  /** The screen's accessible name ("Text console of web-01"). */
  label: string;
  /** The id of the words that say where keys go and how to leave. */
  hintId: string;
  onHandle(handle: H | undefined): void;
  /** The person pressed Ctrl+] in the console: the keyboard goes back to the toolbar. */
  onLeave(): void;
}

/** Ctrl+] (telnet's escape): the one key the console keeps from the VM, so the keyboard can leave it. */
export function isLeaveKey(event: KeyboardEvent): boolean {
  return event.ctrlKey && !event.altKey && !event.metaKey && (event.key === ']' || event.code === 'BracketRight');
}

/** Listens, before the console's own handlers, for the key that leaves it. */
export function listenForLeaveKey(element: HTMLElement, onLeave: () => void): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    if (!isLeaveKey(event)) return;
    event.preventDefault();
    event.stopPropagation();
    onLeave();
  };
  element.addEventListener('keydown', onKeyDown, { capture: true });
  return () => element.removeEventListener('keydown', onKeyDown, { capture: true });
}
