/**
 * Whether the in-browser simulator this window borrowed from the page that opened it
 * (a console window's) has gone with that page. mocks/browser.ts reports it through
 * src/main.tsx; the console window says so instead of waiting for answers that never come.
 */
import { create } from 'zustand';

export const useSharedSimulatorGone = create<boolean>(() => false);

export function markSharedSimulatorGone(): void {
  useSharedSimulatorGone.setState(true, true);
}
