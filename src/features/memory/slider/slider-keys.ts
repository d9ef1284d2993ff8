/**
 * The keys of a WAI-ARIA slider thumb (APG "Slider" and "Multi-Thumb Slider"): arrows
 * move one step, Page Up and Page Down a large step, Home and End to the ends of what
 * this thumb may reach (the other thumb bounds it).
 */
export interface ThumbBounds {
  min: number;
  max: number;
  step: number;
  pageStep: number;
}

const clamp = (value: number, { min, max }: ThumbBounds) => Math.min(max, Math.max(min, value));

/** The next step up or down from `value`, on the grid of steps (so values stay round). */
function stepped(value: number, step: number, direction: 1 | -1): number {
  const onGrid = direction > 0 ? Math.floor(value / step) : Math.ceil(value / step);
  return (onGrid + direction) * step;
}

/** The value a key moves the thumb to, or undefined when the key is not the slider's. */
export function valueForKey(key: string, value: number, bounds: ThumbBounds): number | undefined {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return clamp(stepped(value, bounds.step, 1), bounds);
    case 'ArrowLeft':
    case 'ArrowDown':
      return clamp(stepped(value, bounds.step, -1), bounds);
    case 'PageUp':
      return clamp(stepped(value, bounds.pageStep, 1), bounds);
    case 'PageDown':
      return clamp(stepped(value, bounds.pageStep, -1), bounds);
    case 'Home':
      return bounds.min;
    case 'End':
      return bounds.max;
    default:
      return undefined;
  }
}

/** A pointer position (0..1 along the track) as a value on the grid of steps, within the thumb's bounds. */
export function valueAtFraction(fraction: number, trackMin: number, trackMax: number, bounds: ThumbBounds): number {
  const raw = trackMin + Math.min(1, Math.max(0, fraction)) * (trackMax - trackMin);
  return clamp(Math.round(raw / bounds.step) * bounds.step, bounds);
}
