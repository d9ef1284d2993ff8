import { afterEach, describe, expect, it, vi } from 'vitest';
import { CallLimit } from './call-limit';

/** A call that ends when the test says so. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

describe('CallLimit', () => {
  it('runs at most max calls at once, and the next in line as soon as one ends', async () => {
    const limit = new CallLimit(2);
    const gates = [gate(), gate(), gate(), gate()];
    const started: number[] = [];
    const runs = gates.map((g, i) =>
      limit.run(async () => {
        started.push(i);
        await g.opened;
        return i;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    gates[1].open();
    await runs[1];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    for (const g of gates) g.open();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
  });

  it('frees the place of a call that failed', async () => {
    const limit = new CallLimit(1);
    await expect(limit.run(() => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(await limit.run(async () => 'next')).toBe('next');
  });
});

describe('CallLimit in a browser with a task scheduler', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('starts the next queued call as a background task, so the page can draw first', async () => {
    const posted: { task: () => void; priority: string }[] = [];
    vi.stubGlobal('scheduler', {
      postTask: (task: () => void, { priority }: { priority: string }) => {
        posted.push({ task, priority });
        return Promise.resolve();
      },
    });
    vi.resetModules();
    const { CallLimit: ScheduledLimit } = await import('./call-limit');
    const limit = new ScheduledLimit(1);
    const first = gate();
    const started: number[] = [];
    void limit.run(async () => {
      started.push(0);
      await first.opened;
    });
    const second = limit.run(async () => {
      started.push(1);
    });
    first.open();
    await vi.waitFor(() => expect(posted).toHaveLength(1));
    expect(started).toEqual([0]);
    expect(posted[0].priority).toBe('background');
    posted[0].task();
    await second;
    expect(started).toEqual([0, 1]);
  });
});
