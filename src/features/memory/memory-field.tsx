import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { autoUnit, formatInUnit, type MemoryUnit, type ParsedMemory, parseMemory } from './memory-units';

export interface MemoryFieldProps {
  label: string;
  /** The value the editor holds; the field follows it when it changes elsewhere (the slider). */
  valueBytes: number;
  /** Every edit, parsed: a size, or what is wrong with the text. */
  onChange: (parsed: ParsedMemory) => void;
  invalid?: boolean;
  /** The id of the message that explains the field's problem. */
  describedBy?: string;
  readOnly?: boolean;
}

/**
 * A memory size as a number and a unit (MiB or GiB), as in XenCenter's memory dialogs.
 * The text is the person's until they leave it alone: a new value from elsewhere
 * replaces it only when it no longer says that value.
 */
export function MemoryField({ label, valueBytes, onChange, invalid, describedBy, readOnly }: MemoryFieldProps) {
  const { t } = useTranslation('memory');
  const [unit, setUnit] = useState<MemoryUnit>(() => autoUnit(valueBytes));
  const [text, setText] = useState(() => formatInUnit(valueBytes, unit));
  const [shownBytes, setShownBytes] = useState(valueBytes);

  // Adjusting state while rendering (React's pattern for props that change): the slider moved this value.
  if (valueBytes !== shownBytes) {
    setShownBytes(valueBytes);
    const parsed = parseMemory(text, unit);
    if (!parsed.ok || parsed.bytes !== valueBytes) {
      const next = autoUnit(valueBytes);
      setUnit(next);
      setText(formatInUnit(valueBytes, next));
    }
  }

  const edit = (next: string) => {
    setText(next);
    const parsed = parseMemory(next, unit);
    if (parsed.ok) setShownBytes(parsed.bytes);
    onChange(parsed);
  };

  const changeUnit = (next: MemoryUnit) => {
    const parsed = parseMemory(text, unit);
    setUnit(next);
    if (parsed.ok) setText(formatInUnit(parsed.bytes, next));
  };

  return (
    <span className="memory-field">
      <input
        type="text"
        inputMode="decimal"
        aria-label={label}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        readOnly={readOnly}
        value={text}
        size={7}
        onChange={(event) => edit(event.target.value)}
      />
      <select
        aria-label={t('field.unit', { field: label })}
        value={unit}
        disabled={readOnly}
        onChange={(event) => changeUnit(event.target.value as MemoryUnit)}
      >
        <option value="MiB">MiB</option>
        <option value="GiB">GiB</option>
      </select>
    </span>
  );
}
