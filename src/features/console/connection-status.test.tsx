// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../app/i18n';
import { ConnectionStatus } from './connection-status';

beforeAll(initI18n);
afterEach(cleanup);

describe('ConnectionStatus', () => {
  it('announces a wait once, and counts its seconds outside the live region', () => {
    const retry = () => undefined;
    const { rerender } = render(
      <ConnectionStatus state={{ kind: 'waiting', seconds: 5, refused: false }} owner="VM" onRetry={retry} />,
    );
    const announced = screen.getByRole('status').textContent;
    expect(screen.getByText('Next try in 5 seconds.')).toBeDefined();
    rerender(<ConnectionStatus state={{ kind: 'waiting', seconds: 4, refused: false }} owner="VM" onRetry={retry} />);
    expect(screen.getByRole('status').textContent).toBe(announced);
    expect(screen.getByText('Next try in 4 seconds.').closest('[role="status"], [aria-live]')).toBeNull();
    rerender(<ConnectionStatus state={{ kind: 'connected' }} owner="VM" onRetry={retry} />);
    expect(screen.getByRole('status').textContent).toBe('Connected');
  });

  it('says a host’s console went with the host, not with "the VM"', () => {
    render(<ConnectionStatus state={{ kind: 'disconnected' }} owner="host" onRetry={() => undefined} />);
    expect(screen.getByRole('status').textContent).toBe('Disconnected: the host has shut down or is restarting.');
  });
});
