// @vitest-environment jsdom
/** The hook that keeps the console shown connected, on the simulator's console sockets. */
import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { named } from '../../../mocks/sim/lookup';
import { connectToSimulator } from '../../../tests/connected-simulator';
import { useMirror } from '../../store/mirror-store';
import { availableConsoles, type ConsoleEntry } from './console-choice';
import type { ConsoleLink } from './console-link';
import { useConsoleLink } from './use-console-link';

const simulator = connectToSimulator({ scenario: 'demo' });
const { poolId } = simulator;

describe('useConsoleLink', () => {
  it('never hands out the link of the console shown before, once another is chosen', async () => {
    await simulator.mirrorHolds('console');
    const vmRef = named(simulator.sim, 'VM', 'web-01');
    const objects = useMirror.getState().pools[poolId].objects;
    const { text, graphical } = availableConsoles(objects.VM![vmRef], objects.console);
    const rendered: { entry: ConsoleEntry; link: ConsoleLink | undefined }[] = [];
    const { result, rerender } = renderHook(
      ({ entry }: { entry: ConsoleEntry }) => {
        const live = useConsoleLink(poolId, vmRef, entry);
        rendered.push({ entry, link: live.link });
        return live;
      },
      { initialProps: { entry: graphical! } },
    );
    await waitFor(() => expect(result.current.state.kind).toBe('connected'));
    const graphicalLink = result.current.link;
    rerender({ entry: text! });
    await waitFor(() => expect(result.current.state.kind).toBe('connected'));
    expect(result.current.link).not.toBe(graphicalLink);
    expect(rendered.filter(({ entry, link }) => entry === text && link === graphicalLink)).toEqual([]);
  });
});
