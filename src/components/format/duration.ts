/** Spans of time, split for words (uptime) or shown as a stopwatch (a task's elapsed time). */

export interface DurationParts {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

export function splitDuration(ms: number): DurationParts {
  const total = Math.max(0, Math.floor(ms / 1000));
  return {
    days: Math.floor(total / 86_400),
    hours: Math.floor((total % 86_400) / 3_600),
    minutes: Math.floor((total % 3_600) / 60),
    seconds: total % 60,
  };
}

/** "0:42", "12:05", "1:02:03": the same in every language, so it needs no translation. */
export function formatStopwatch(ms: number): string {
  const { days, hours, minutes, seconds } = splitDuration(ms);
  const allHours = days * 24 + hours;
  const ss = String(seconds).padStart(2, '0');
  if (allHours === 0) return `${minutes}:${ss}`;
  return `${allHours}:${String(minutes).padStart(2, '0')}:${ss}`;
}

/**
 * The two most significant units worth saying ("3 days, 4 hours"; "5 minutes"), as
 * XenCenter words uptime. Seconds only count while less than a minute has passed.
 */
export function significantUnits(ms: number): Partial<DurationParts> {
  const parts = splitDuration(ms);
  if (parts.days > 0) return { days: parts.days, hours: parts.hours };
  if (parts.hours > 0) return { hours: parts.hours, minutes: parts.minutes };
  if (parts.minutes > 0) return { minutes: parts.minutes };
  return { seconds: parts.seconds };
}
