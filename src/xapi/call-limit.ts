/**
 * At most so many calls in flight at once; the rest wait their turn in order.
 *
 * A bulk action on hundreds of VMs would otherwise send hundreds of requests in one
 * burst. A pool answers them one thread each, and in the browser every reply is a
 * task on the page's thread: a flood of them keeps Chromium from drawing for ~100 ms at
 * a time, while a steady handful keeps frames on time and finishes no later.
 */
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
      // The finished call's place passes straight to the next in line.
      if (next) next();
      else this.running--;
    }
  }
}
