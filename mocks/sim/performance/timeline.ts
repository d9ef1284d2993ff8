/**
 * The history of an object's state, as a list of segments each holding the state from
 * its start until the next one begins. Performance data for a past moment is computed
 * from the state in force then, so a VM halted for an hour has no data for that hour
 * however long ago it was, and nothing ever needs to be simulated step by step.
 */

export interface Segment<S> {
  /** Unix seconds; -Infinity for the state assumed since before the simulation began. */
  from: number;
  state: S;
}

export class Timeline<S> {
  readonly segments: Segment<S>[] = [];

  constructor(initial: S, from: number) {
    this.segments.push({ from, state: initial });
  }

  get latest(): S {
    return this.segments[this.segments.length - 1].state;
  }

  /** States only ever change now, so segments arrive in time order. */
  record(from: number, state: S): void {
    this.segments.push({ from, state });
  }

  /**
   * The state during the sample that ends at `t` (seconds), i.e. just before `t`: the
   * last segment that began before it. A change at time c therefore shows from the first
   * sample ending after c, so a sample already served never changes. Undefined before the
   * first segment.
   */
  at(t: number): S | undefined {
    const segments = this.segments;
    let lo = 0;
    let hi = segments.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (segments[mid].from < t) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? undefined : segments[lo - 1].state;
  }
}
