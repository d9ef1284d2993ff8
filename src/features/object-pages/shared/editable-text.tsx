import type { UseMutationResult } from '@tanstack/react-query';
import { type KeyboardEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { XapiErrorText } from '../../../components/errors/xapi-error-text';

interface Props {
  /** What the text is ("Name"): the input's accessible name. */
  label: string;
  value: string;
  /** Shown when the value is empty (a VM without a description). */
  emptyText: string;
  /** Names may not be emptied; descriptions may. */
  required?: boolean;
  save: UseMutationResult<unknown, Error, string>;
}

/**
 * Text edited in place: click it (or focus it and press Enter) to edit; Enter saves,
 * Escape cancels, leaving the field saves a changed value. The shown value is always
 * the mirror's: after a save it changes when the pool's event arrives.
 */
export function EditableText({ label, value, emptyText, required = false, save }: Props) {
  const { t } = useTranslation('objectPages');
  const [draft, setDraft] = useState<string | undefined>();
  // Escape leaves edit mode; the blur that follows must not save what was cancelled.
  const cancelled = useRef(false);

  const start = () => {
    cancelled.current = false;
    save.reset();
    setDraft(value);
  };
  const finish = () => setDraft(undefined);
  const commit = () => {
    if (draft === undefined || cancelled.current || save.isPending) return;
    const text = draft.trim();
    if (text === value) return finish();
    if (required && text === '') return;
    save.mutate(text, { onSuccess: finish });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      cancelled.current = true;
      save.reset();
      finish();
    }
  };

  if (draft === undefined) {
    return (
      <button
        type="button"
        className="editable-text"
        onClick={start}
        aria-label={t('editable.edit', { field: label, value: value || emptyText })}
        title={t('editable.hint')}
      >
        {value || <span className="placeholder">{emptyText}</span>}
      </button>
    );
  }
  return (
    <span className="editable-text editing">
      <input
        aria-label={label}
        value={draft}
        // biome-ignore lint/a11y/noAutofocus: the person just asked to edit this field
        autoFocus
        disabled={save.isPending}
        aria-invalid={required && draft.trim() === ''}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={commit}
      />
      {save.isPending && <span className="saving">{t('editable.saving')}</span>}
      {save.error && (
        <span role="alert" className="edit-error">
          <XapiErrorText error={save.error} />
        </span>
      )}
    </span>
  );
}
