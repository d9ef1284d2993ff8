/**
 * A vt100 console in xterm.js, loaded as a chunk of its own the first time a text
 * console shows. The terminal has xterm's screen reader mode on: its rows are a list a
 * screen reader can walk, and new output is announced. Each new connection starts on a
 * clean terminal once the host speaks, because it sends the console's recent screen
 * first. Keys typed while it connects are sent as soon as the socket opens.
 */
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef, useState } from 'react';
import type { ConsoleConnection } from './console-link';
import { listenForLeaveKey, type ScreenProps, type TextScreenHandle } from './screen-handle';
import { fittedFontPx, TEXT_FONT_PX } from './text-font-fit';

/** The size of a vt100 console, scaled or not: the VGA text mode's (text-font-fit.ts says why). */
export const TEXT_COLUMNS = 80;
export const TEXT_ROWS = 25;

interface Props extends ScreenProps<TextScreenHandle> {
  /** xterm.js's name for its keyboard input, in the page's language. */
  inputLabel: string;
  onSelectionChange(hasSelection: boolean): void;
}

export function TextScreen({ link, scale, label, hintId, inputLabel, onHandle, onLeave, onSelectionChange }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const [terminal, setTerminal] = useState<Terminal>();
  const latest = useRef({ onLeave, onSelectionChange, onHandle, inputLabel });
  latest.current = { onLeave, onSelectionChange, onHandle, inputLabel };

  useEffect(() => {
    const element = host.current!;
    Terminal.strings.promptLabel = latest.current.inputLabel;
    const term = new Terminal({
      cols: TEXT_COLUMNS,
      rows: TEXT_ROWS,
      screenReaderMode: true,
      scrollback: 2000,
      fontFamily: "'DejaVu Sans Mono', Menlo, Consolas, monospace",
      fontSize: TEXT_FONT_PX,
    });
    term.open(element);
    setTerminal(term);

    let connection: ConsoleConnection | undefined;
    let stopReading: (() => void) | undefined;
    const typed = term.onData((data) => connection?.send(data));
    const selected = term.onSelectionChange(() => latest.current.onSelectionChange(term.hasSelection()));
    const unsubscribe = link.subscribe({
      connection: (next) => {
        stopReading?.();
        connection = next;
        let fresh = true;
        stopReading = next.onData((bytes) => {
          // Cleared when the host speaks, not when the socket is made: a refused try keeps the screen.
          if (fresh) term.reset();
          fresh = false;
          term.write(bytes);
        });
      },
    });
    const stopLeaveKey = listenForLeaveKey(element, () => latest.current.onLeave());
    latest.current.onHandle({
      focus: () => term.focus(),
      selection: () => term.getSelection(),
      paste: (text) => term.paste(text),
    });
    return () => {
      latest.current.onHandle(undefined);
      latest.current.onSelectionChange(false);
      stopLeaveKey();
      unsubscribe();
      // A terminal mounted again (StrictMode) reads what this one leaves.
      stopReading?.();
      typed.dispose();
      selected.dispose();
      term.dispose();
    };
  }, [link]);

  // A new language renames the terminal's input in place: a new terminal would lose the screen.
  useEffect(() => {
    Terminal.strings.promptLabel = inputLabel;
    terminal?.textarea?.setAttribute('aria-label', inputLabel);
  }, [terminal, inputLabel]);

  useEffect(() => {
    if (!terminal) return;
    if (!scale) {
      terminal.options.fontSize = TEXT_FONT_PX;
      return;
    }
    const element = host.current!;
    const refit = () => {
      const screen = element.querySelector<HTMLElement>('.xterm-screen');
      if (!screen) return;
      const style = getComputedStyle(element);
      const box = {
        width: element.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight),
        height: element.clientHeight - Number.parseFloat(style.paddingTop) - Number.parseFloat(style.paddingBottom),
      };
      const fontPx = terminal.options.fontSize ?? TEXT_FONT_PX;
      const next = fittedFontPx(fontPx, { width: screen.offsetWidth, height: screen.offsetHeight }, box);
      if (next !== fontPx) terminal.options.fontSize = next;
    };
    refit();
    const observer = new ResizeObserver(refit);
    observer.observe(element);
    return () => observer.disconnect();
  }, [terminal, scale]);

  return (
    <section
      ref={host}
      className={scale ? 'console-screen console-text console-scaled' : 'console-screen console-text'}
      aria-label={label}
      aria-describedby={hintId}
    />
  );
}
