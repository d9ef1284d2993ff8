// @vitest-environment jsdom
/**
 * The Console tab on the simulator, as the app shows it: its console sockets reach the
 * simulator's console handler (mocks/node.ts), and power changes come by the event stream.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import i18next from 'i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { named } from '../../../mocks/sim/lookup';
import { connectToSimulator, renderWithQueryClient } from '../../../tests/connected-simulator';
import { getConnection } from '../../store/connections';
import type { Ref } from '../../xapi/model/types';
import { ConsoleView } from './console-view';

const simulator = connectToSimulator({ scenario: 'demo' });
const { poolId } = simulator;

beforeEach(() => simulator.mirrorHolds('console'));
afterEach(() => vi.unstubAllGlobals());

const vm = (name: string) => named(simulator.sim, 'VM', name) as Ref<'VM'>;
const host = (name: string) => named(simulator.sim, 'host', name);
const status = () => screen.getAllByRole('status').map((each) => each.textContent);
const ctrlAltDel = () => screen.getByRole('button', { name: 'Send Ctrl+Alt+Del' });

describe('ConsoleView on the simulator', () => {
  it('shows a halted VM’s banner, and attaches the console by itself once the VM starts', async () => {
    renderWithQueryClient(<ConsoleView poolId={poolId} cls="VM" objectRef={vm('backup-proxy')} />);
    expect(await screen.findByText(/backup-proxy is shut down\./)).toBeDefined();
    await getConnection(poolId).call('VM.start', vm('backup-proxy'), false, false);
    await waitFor(() => expect(status()).toContain('Connected'), { timeout: 10_000 });
    expect(screen.queryByText(/is shut down/)).toBeNull();
  });

  it('closes the console’s socket when the page leaves the tab', async () => {
    const sockets: WebSocket[] = [];
    const PageWebSocket = WebSocket;
    vi.stubGlobal(
      'WebSocket',
      class extends PageWebSocket {
        constructor(url: string | URL, protocols?: string | string[]) {
          super(url, protocols);
          sockets.push(this);
        }
      },
    );
    const { unmount } = renderWithQueryClient(<ConsoleView poolId={poolId} cls="VM" objectRef={vm('web-01')} />);
    await waitFor(() => expect(status()).toContain('Connected'), { timeout: 10_000 });
    expect(sockets.map((socket) => socket.readyState)).toEqual([PageWebSocket.OPEN]);
    unmount();
    await waitFor(() => expect(sockets.map((socket) => socket.readyState)).toEqual([PageWebSocket.CLOSED]));
  });

  it('says why Ctrl+Alt+Del cannot be sent: a text console, a host, a graphical console not connected', async () => {
    const { unmount } = renderWithQueryClient(
      <ConsoleView poolId={poolId} cls="VM" objectRef={vm('web-01')} initialMode="text" />,
    );
    await waitFor(() =>
      expect(ctrlAltDel().getAttribute('title')).toBe(
        'A text console has no Ctrl+Alt+Del: switch to the graphical console to send it.',
      ),
    );
    fireEvent.click(screen.getByRole('radio', { name: 'Graphical' }));
    // Until noVNC has the connection, there is nothing to send it through.
    expect(ctrlAltDel().getAttribute('title')).toBe('The console is not connected.');
    unmount();

    renderWithQueryClient(<ConsoleView poolId={poolId} cls="host" objectRef={host('xcp-host-01')} />);
    await waitFor(() =>
      expect(ctrlAltDel().getAttribute('title')).toBe(
        'A host’s console has no Ctrl+Alt+Del: a host is restarted with its Reboot action.',
      ),
    );
  });

  it('puts the keyboard on Start when the VM stops under it', async () => {
    renderWithQueryClient(<ConsoleView poolId={poolId} cls="VM" objectRef={vm('web-01')} initialMode="text" />);
    await waitFor(() => expect(status()).toContain('Connected'), { timeout: 10_000 });
    const toolbar = screen.getByRole('group', { name: 'Console actions' });
    act(() => within(toolbar).getByRole('button', { name: 'Scale to fit' }).focus());
    await getConnection(poolId).call('VM.hard_shutdown', vm('web-01'));
    const start = await screen.findByRole('button', { name: 'Start' }, { timeout: 10_000 });
    await waitFor(() => expect(document.activeElement).toBe(start));
    expect(start.getAttribute('aria-describedby')).toBe(screen.getByText(/web-01 is shut down\./).id);
  });

  it('gives the keyboard, on leaving a console, to the chosen console’s radio; each console has radios of its own', async () => {
    renderWithQueryClient(
      <>
        <ConsoleView poolId={poolId} cls="VM" objectRef={vm('web-01')} initialMode="graphical" />
        <ConsoleView poolId={poolId} cls="VM" objectRef={vm('web-02')} initialMode="text" />
      </>,
    );
    const first = await screen.findByRole('region', { name: 'Console of web-01' });
    const second = await screen.findByRole('region', { name: 'Console of web-02' });
    const graphical = await within(first).findByRole('application', { name: 'Graphical console of web-01' });
    for (const [type, key] of [
      ['keyDown', 'Control'],
      ['keyDown', 'Alt'],
      ['keyUp', 'Alt'],
      ['keyUp', 'Control'],
    ] as const) {
      fireEvent[type](graphical, { key });
    }
    expect(document.activeElement).toBe(within(first).getByRole('radio', { name: 'Graphical' }));
    expect((within(first).getByRole('radio', { name: 'Graphical' }) as HTMLInputElement).checked).toBe(true);
    expect((within(second).getByRole('radio', { name: 'Text' }) as HTMLInputElement).checked).toBe(true);
  });

  it('words a clipboard message in the language shown, in a live region that was there before it', async () => {
    renderWithQueryClient(<ConsoleView poolId={poolId} cls="VM" objectRef={vm('web-01')} initialMode="text" />);
    await waitFor(() => expect(status()).toContain('Connected'), { timeout: 10_000 });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('');
    // jsdom has no clipboard: as a browser that refuses it.
    fireEvent.click(screen.getByRole('button', { name: 'Paste' }));
    await waitFor(() => expect(alert.textContent).toMatch(/^The browser did not let this page read the clipboard\./));
    try {
      await act(() => i18next.changeLanguage('zh'));
      expect(screen.getByRole('alert')).toBe(alert);
      expect(alert.textContent).toMatch(/^浏览器不允许此页面读取剪贴板。/);
    } finally {
      await act(() => i18next.changeLanguage('en'));
    }
  });
});
