import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** The name field of the dialogs that make a new VM (clone, snapshot, copy), focused on open. */
export function NewNameField({ value, onChange }: { value: string; onChange: (name: string) => void }) {
  const { t } = useTranslation('actions');
  const inputId = useId();
  return (
    <>
      <label className="field" htmlFor={inputId}>
        {t('dialog.name')}
      </label>
      <input
        id={inputId}
        className="field-input"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        // biome-ignore lint/a11y/noAutofocus: the dialog exists to ask for this name
        autoFocus
      />
    </>
  );
}
