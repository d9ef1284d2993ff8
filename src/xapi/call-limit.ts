/**
 * At most so many calls in flight at once; the rest wait their turn in order.
 *
 * A bulk action on hundreds of VMs would otherwise send hundreds of requests in one
 * burst. A pool answers them one thread each, and in the browser every reply is a
 * task on the page's thread: a flood of them keeps Chromium from drawing for ~100 ms at
 * a time, while a steady handful keeps frames on time and finishes no later.
 */
/** Chromium's task scheduler; absent elsewhere (Node, other browsers). */
const taskScheduler = (
  globalThis as { scheduler?: { postTask(task: () => void, options: { priority: 'background' }): Promise<void> } }
).scheduler;

/**
 * Starts the next queued call once the page has had its turn: as a background task
 * where the browser has a scheduler, so drawing a frame comes first; elsewhere at once.
 */
const handOn = (start: () => void): void => {
  if (taskScheduler) void taskScheduler.postTask(start, { priority: 'background' });
  else start();
};

export class CallLimit {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly max: number) {}

  async run<T>(call: () => Promise<T>): Promise<T> {
    if (this.running >= this.max) await new Promise<void>((start) => this.waiting.push(start));
    else this.running++;
    try {
      return await call();
    } finally {
      const next = this.waiting.shift();
      // The finished call's place passes to the next in line.
      if (next) handOn(next);
      else this.running--;
    }
  }
}
