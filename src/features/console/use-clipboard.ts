/**
 * Copy and Paste on the text console, through the asynchronous Clipboard API. A browser
 * may refuse it (no permission, a page that is not a secure context, a policy): the
 * person is then told in words how to do the same with the keyboard, which xterm.js
 * handles natively.
 */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TextScreenHandle } from './screen-handle';

export interface ClipboardMessage {
  text: string;
  error: boolean;
}

export function useClipboard(screen: TextScreenHandle | undefined) {
  const { t } = useTranslation('console');
  const [message, setMessage] = useState<ClipboardMessage>();

  const copy = useCallback(async () => {
    const text = screen?.selection() ?? '';
    if (!text) return;
    try {
      await navigator.clipboard.writeText(text);
      setMessage({ text: t('clipboard.copied'), error: false });
    } catch {
      setMessage({ text: t('clipboard.copyDenied'), error: true });
    }
  }, [screen, t]);

  const paste = useCallback(async () => {
    if (!screen) return;
    let text: string;
    try {
      text = await navigator.clipboard.readText();
    } catch {
      setMessage({ text: t('clipboard.pasteDenied'), error: true });
      return;
    }
    if (!text) {
      setMessage({ text: t('clipboard.pasteEmpty'), error: false });
      return;
    }
    setMessage(undefined);
    screen.paste(text);
    screen.focus();
  }, [screen, t]);

  const clearMessage = useCallback(() => setMessage(undefined), []);
  return { message, copy, paste, clearMessage };
}
