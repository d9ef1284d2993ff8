// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { RangeSlider } from './range-slider';

afterEach(cleanup);

function Harness() {
  const [range, setRange] = useState({ low: 200, high: 600 });
  return (
    <RangeSlider
      min={0}
      max={1000}
      low={range.low}
      high={range.high}
      step={50}
      pageStep={200}
      lowLabel="Low"
      highLabel="High"
      valueText={(value) => `${value} units`}
      onChange={(low, high) => setRange({ low, high })}
    />
  );
}

const thumbs = () => ({
  low: screen.getByRole('slider', { name: 'Low' }),
  high: screen.getByRole('slider', { name: 'High' }),
});

describe('RangeSlider', () => {
  it('bounds each thumb by the other, for the keyboard and for assistive technology', () => {
    render(<Harness />);
    const { low, high } = thumbs();
    expect([low.getAttribute('aria-valuemin'), low.getAttribute('aria-valuemax')]).toEqual(['0', '600']);
    expect([high.getAttribute('aria-valuemin'), high.getAttribute('aria-valuemax')]).toEqual(['200', '1000']);
    fireEvent.keyDown(low, { key: 'End' });
    expect(low.getAttribute('aria-valuenow')).toBe('600');
    expect(high.getAttribute('aria-valuemin')).toBe('600');
    fireEvent.keyDown(high, { key: 'PageDown' });
    expect(high.getAttribute('aria-valuetext')).toBe('600 units');
  });

  it('moves the nearer thumb to where the track is pressed, and follows the drag', () => {
    const { container } = render(<Harness />);
    const track = container.firstElementChild as HTMLElement;
    track.getBoundingClientRect = () => ({ left: 0, width: 1000, top: 0, height: 20 }) as DOMRect;
    track.setPointerCapture = () => {};
    fireEvent.pointerDown(track, { clientX: 720, button: 0, pointerId: 1 });
    expect(thumbs().high.getAttribute('aria-valuenow')).toBe('700');
    fireEvent.pointerMove(track, { clientX: 910, pointerId: 1 });
    expect(thumbs().high.getAttribute('aria-valuenow')).toBe('900');
    fireEvent.pointerUp(track, { pointerId: 1 });
    fireEvent.pointerMove(track, { clientX: 100, pointerId: 1 });
    expect(thumbs().high.getAttribute('aria-valuenow')).toBe('900');
    fireEvent.pointerDown(track, { clientX: 120, button: 0, pointerId: 2 });
    expect(thumbs().low.getAttribute('aria-valuenow')).toBe('100');
  });
});
