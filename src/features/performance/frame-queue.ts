/**
 * Work done one piece per animation frame. When six graphs get new data at once,
 * drawing them all in one go holds the page for hundreds of milliseconds; one per
 * frame keeps every frame short and the page responsive while they catch up.
 */
const queue: (() => void)[] = [];
let scheduled = false;

function runNext() {
  scheduled = false;
  queue.shift()?.();
  if (queue.length > 0) schedule();
}

function schedule() {
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(runNext);
}

/** Queues `work` for a frame of its own; the function returned takes it off the queue. */
export function inFrameOfItsOwn(work: () => void): () => void {
  queue.push(work);
  schedule();
  return () => {
    const at = queue.indexOf(work);
    if (at >= 0) queue.splice(at, 1);
  };
}
