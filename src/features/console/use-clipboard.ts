/**
 * Copy and Paste on the text console, through the asynchronous Clipboard API. A browser
 * may refuse it (no permission, a page that is not a secure context, a policy): the
 * person is then told in words how to do the same with the keyboard, which xterm.js
 * handles natively.
 */
import { useCallback, useState } from 'react';
import type { TextScreenHandle } from './screen-handle';

/** What to tell the person, as a key of the `clipboard` strings: put in words when shown, in the language then. */
export type ClipboardMessageKey = 'copied' | 'copyDenied' | 'pasteDenied' | 'pasteEmpty';

export interface ClipboardMessage {
  key: ClipboardMessageKey;
  error: boolean;
}

export function useClipboard(screen: TextScreenHandle | undefined) {
  const [message, setMessage] = useState<ClipboardMessage>();

  const copy = useCallback(async () => {
    const text = screen?.selection() ?? '';
    if (!text) return;
    try {
      await navigator.clipboard.writeText(text);
      setMessage({ key: 'copied', error: false });
    } catch {
      setMessage({ key: 'copyDenied', error: true });
    }
  }, [screen]);

  const paste = useCallback(async () => {
    if (!screen) return;
    let text: string;
    try {
      text = await navigator.clipboard.readText();
    } catch {
      setMessage({ key: 'pasteDenied', error: true });
      return;
    }
    if (!text) {
      setMessage({ key: 'pasteEmpty', error: false });
      return;
    }
    setMessage(undefined);
    screen.paste(text);
    screen.focus();
  }, [screen]);

  const clearMessage = useCallback(() => setMessage(undefined), []);
  return { message, copy, paste, clearMessage };
}
