// @vitest-environment jsdom
/** What a deep link shows before the object can: a pool loading, gone, or needing a login. */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../app/i18n';
import type { ObjectClass } from '../../app/routes';
import { mirror } from '../../store/mirror-store';
import { XapiError } from '../../xapi/xapi-error';
import { ObjectPage } from './object-page';

const POOL = '192.0.2.10';

beforeAll(() => initI18n());
afterEach(() => {
  cleanup();
  mirror.removePool(POOL);
});

function renderPage(cls: ObjectClass | 'widget' = 'VM') {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <ObjectPage route={{ name: 'object', poolId: POOL, cls: cls as ObjectClass, uuid: 'u-1', tab: 'general' }} />
    </QueryClientProvider>,
  );
}

describe('ObjectPage before the object', () => {
  it('says it is loading while the class has not arrived', () => {
    mirror.addPool(POOL, POOL);
    renderPage();
    expect(screen.getByRole('status').textContent).toBe('Loading the pool…');
  });

  it('says the session ended, why, and offers to log in again', () => {
    mirror.addPool(POOL, POOL);
    mirror.markDisconnected(POOL, new XapiError('SESSION_INVALID', ['OpaqueRef:s']));
    renderPage();
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The session with 192.0.2.10 has ended.');
    expect(alert.textContent).toContain('Your session has expired. Log in again.');
    expect(screen.getByRole('link', { name: 'Log in again' }).getAttribute('href')).toBe('/connect?address=192.0.2.10');
  });

  it('says there are no pages for a class it does not know', () => {
    mirror.addPool(POOL, POOL);
    renderPage('widget');
    expect(screen.getByRole('alert').textContent).toContain('This console has no pages for “widget”.');
  });
});
