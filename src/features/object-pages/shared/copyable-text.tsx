import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A value people paste elsewhere (a UUID into the xe CLI), with a copy button. */
export function CopyableText({ text, label }: { text: string; label: string }) {
  const { t } = useTranslation('objectPages');
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(text);
    setCopied(true);
  };
  return (
    <span className="copyable">
      <code>{text}</code>
      <button
        type="button"
        aria-label={t('copy.label', { what: label })}
        onClick={copy}
        onBlur={() => setCopied(false)}
      >
        {copied ? t('copy.done') : t('copy.action')}
      </button>
    </span>
  );
}
