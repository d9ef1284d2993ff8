import { useTranslation } from 'react-i18next';
import { MemoryField } from '../memory-field';
import { memoryText, sliderStepBytes } from '../memory-units';
import { RangeSlider } from '../slider/range-slider';
import { type DraftField, type MemoryDraft, withDynamicRange, withField } from './memory-draft';

interface Props {
  draft: MemoryDraft;
  onChange: (draft: MemoryDraft) => void;
  /** The id of the rules list, which explains a field that is not right. */
  checksId: string;
}

/** Slider steps per Page Up / Page Down. */
const STEPS_PER_PAGE = 8;

/**
 * The dynamic range on one slider with two thumbs (Dynamic minimum, Dynamic maximum)
 * from static minimum to static maximum, and the three values as fields with units.
 */
export function RangeFields({ draft, onChange, checksId }: Props) {
  const { t } = useTranslation('memory');
  const { limits } = draft;
  const step = sliderStepBytes(limits.staticMax);
  const field = (name: DraftField, label: string, valueBytes: number) => (
    <div className="memory-field-label">
      <span>{label}</span>
      <MemoryField
        label={label}
        valueBytes={valueBytes}
        invalid={draft.inputErrors[name] !== undefined}
        describedBy={checksId}
        onChange={(parsed) => onChange(withField(draft, name, parsed))}
      />
    </div>
  );
  return (
    <>
      <div className="memory-slider-row">
        <RangeSlider
          min={limits.staticMin}
          max={Math.max(limits.staticMin, limits.staticMax)}
          low={limits.dynamicMin}
          high={limits.dynamicMax}
          step={step}
          pageStep={step * STEPS_PER_PAGE}
          lowLabel={t('field.dynamicMin')}
          highLabel={t('field.dynamicMax')}
          valueText={memoryText}
          onChange={(low, high) => onChange(withDynamicRange(draft, low, high))}
        />
        <div className="memory-scale" aria-hidden="true">
          <span>{memoryText(limits.staticMin)}</span>
          <span>{memoryText(limits.staticMax)}</span>
        </div>
      </div>
      <div className="memory-fields">
        {field('dynamicMin', t('field.dynamicMin'), limits.dynamicMin)}
        {field('dynamicMax', t('field.dynamicMax'), limits.dynamicMax)}
        {field('staticMax', t('field.staticMax'), limits.staticMax)}
        <span className="memory-static-min">{t('field.staticMinIs', { memory: memoryText(limits.staticMin) })}</span>
      </div>
    </>
  );
}
