import { type KeyboardEvent, type PointerEvent, useRef } from 'react';
import { type ThumbBounds, valueAtFraction, valueForKey } from './slider-keys';

export interface RangeSliderProps {
  /** The ends of the track. */
  min: number;
  max: number;
  low: number;
  high: number;
  /** Arrow keys move one step; Page Up/Down one page; values stay on the grid of steps. */
  step: number;
  pageStep: number;
  /** The thumbs' accessible names. */
  lowLabel: string;
  highLabel: string;
  /** What a screen reader says for a value ("1.5 GiB"). */
  valueText: (value: number) => string;
  onChange: (low: number, high: number) => void;
  /** Set when the slider cannot be used now; it stays focusable and says why. */
  disabledReason?: string;
  className?: string;
}

type Thumb = 'low' | 'high';

/**
 * A range slider with two thumbs (WAI-ARIA multi-thumb slider): each thumb is a
 * `slider` with its own name, bounded by the other thumb so the low one never passes
 * the high one. Keyboard: arrows, Page Up/Down, Home/End. Pointer: press anywhere on
 * the track to move the nearer thumb there, and drag.
 */
export function RangeSlider(props: RangeSliderProps) {
  const { min, max, low, high, step, pageStep, onChange, disabledReason } = props;
  const trackRef = useRef<HTMLDivElement>(null);
  const dragging = useRef<Thumb | null>(null);
  const span = Math.max(max - min, 1);
  const percent = (value: number) => `${((Math.min(max, Math.max(min, value)) - min) / span) * 100}%`;
  const boundsOf = (thumb: Thumb): ThumbBounds =>
    thumb === 'low' ? { min, max: high, step, pageStep } : { min: low, max, step, pageStep };

  const move = (thumb: Thumb, value: number) => {
    if (thumb === 'low' && value !== low) onChange(value, high);
    if (thumb === 'high' && value !== high) onChange(low, value);
  };

  const onKeyDown = (thumb: Thumb) => (event: KeyboardEvent) => {
    if (disabledReason !== undefined) return;
    const value = valueForKey(event.key, thumb === 'low' ? low : high, boundsOf(thumb));
    if (value === undefined) return;
    event.preventDefault();
    move(thumb, value);
  };

  const fractionAt = (clientX: number) => {
    const box = trackRef.current?.getBoundingClientRect();
    return box && box.width > 0 ? (clientX - box.left) / box.width : 0;
  };

  const dragTo = (thumb: Thumb, clientX: number) =>
    move(thumb, valueAtFraction(fractionAt(clientX), min, max, boundsOf(thumb)));

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (disabledReason !== undefined || event.button !== 0) return;
    const pointed = min + fractionAt(event.clientX) * (max - min);
    // The nearer thumb; when they sit together, the one on the side pressed.
    const thumb: Thumb =
      Math.abs(pointed - low) < Math.abs(pointed - high) || (low === high && pointed < low) ? 'low' : 'high';
    dragging.current = thumb;
    event.currentTarget.setPointerCapture(event.pointerId);
    event.preventDefault();
    trackRef.current?.querySelector<HTMLElement>(`[data-thumb="${thumb}"]`)?.focus();
    dragTo(thumb, event.clientX);
  };

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (dragging.current) dragTo(dragging.current, event.clientX);
  };

  const endDrag = () => {
    dragging.current = null;
  };

  const thumb = (which: Thumb, value: number, label: string) => {
    const bounds = boundsOf(which);
    return (
      <div
        data-thumb={which}
        role="slider"
        tabIndex={0}
        aria-label={label}
        aria-valuemin={bounds.min}
        aria-valuemax={bounds.max}
        aria-valuenow={value}
        aria-valuetext={props.valueText(value)}
        aria-disabled={disabledReason !== undefined || undefined}
        title={disabledReason}
        className={`range-slider-thumb range-slider-thumb-${which}`}
        style={{ left: percent(value) }}
        onKeyDown={onKeyDown(which)}
      />
    );
  };

  return (
    <div
      ref={trackRef}
      className={['range-slider', props.className].filter(Boolean).join(' ')}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={endDrag}
      onPointerCancel={endDrag}
    >
      <div className="range-slider-track" />
      <div className="range-slider-range" style={{ left: percent(low), right: `calc(100% - ${percent(high)})` }} />
      {thumb('low', low, props.lowLabel)}
      {thumb('high', high, props.highLabel)}
    </div>
  );
}
