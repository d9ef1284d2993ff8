/**
 * A console window opened from a page that runs the simulator uses that page's worker
 * (simulator-channel.ts). When that page closes or reloads, its worker goes with it and
 * nothing would ever answer this window again: this tells it, once, so it can fail
 * what waits and say so. A page going away fires `pagehide`; a page closed while this
 * window was frozen, or one whose listener could not run, is caught by `closed`.
 */

/** How often the opener's `closed` is read, in real milliseconds. */
export const OPENER_POLL_MS = 1000;

export function watchOpener(opener: Window, onGone: () => void): () => void {
  let watching = true;
  const gone = () => {
    if (!watching) return;
    stop();
    onGone();
  };
  const poll = window.setInterval(() => {
    if (opener.closed) gone();
  }, OPENER_POLL_MS);
  const stop = () => {
    watching = false;
    window.clearInterval(poll);
    try {
      opener.removeEventListener('pagehide', gone);
    } catch {
      // The opener has gone already: its listeners went with it.
    }
  };
  opener.addEventListener('pagehide', gone);
  return stop;
}
