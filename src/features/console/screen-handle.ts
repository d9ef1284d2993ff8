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
  /** The person pressed and let go of Ctrl+Alt in the console: the keyboard goes back to the toolbar. */
  onLeave(): void;
}

/**
 * The keyboard leaves the console when Ctrl and Alt are pressed together and let go
 * with no other key between: the chord XenCenter uses to release its consoles, so
 * people who know XenCenter know it. Every key with a character, and every chord with
 * one (Ctrl+] is `xl console`'s and telnet's detach key, Ctrl+Alt+F1 a Linux guest's
 * switch of virtual terminal), must reach the guest; Ctrl and Alt alone mean nothing to
 * one. The keys still go to the guest, so it sees them pressed and let go. AltGr
 * (reported as Ctrl+Alt on some systems) types characters and never leaves.
 */
export function listenForLeaveKey(element: HTMLElement, onLeave: () => void): () => void {
  const held = new Set<string>();
  let armed = false;
  const onKeyDown = (event: KeyboardEvent) => {
    held.add(event.key);
    const chordOnly = [...held].every((key) => key === 'Control' || key === 'Alt');
    armed = chordOnly && held.has('Control') && held.has('Alt');
  };
  const onKeyUp = (event: KeyboardEvent) => {
    held.delete(event.key);
    if (!armed || (event.key !== 'Control' && event.key !== 'Alt')) return;
    armed = false;
    onLeave();
  };
  // Keys let go elsewhere (the window lost focus) leave no chord half held.
  const onBlur = () => {
    held.clear();
    armed = false;
  };
  element.addEventListener('keydown', onKeyDown, { capture: true });
  element.addEventListener('keyup', onKeyUp, { capture: true });
  element.addEventListener('focusout', onBlur);
  return () => {
    element.removeEventListener('keydown', onKeyDown, { capture: true });
    element.removeEventListener('keyup', onKeyUp, { capture: true });
    element.removeEventListener('focusout', onBlur);
  };
}
