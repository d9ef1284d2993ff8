// @vitest-environment jsdom
/**
 * The tree driven from the keyboard as the WAI-ARIA tree pattern says, on a seeded
 * mirror: focus moves with aria-activedescendant, selection follows and opens the
 * object's page, Right and Left open and close, Shift extends, type-ahead jumps, and
 * the Menu key opens the context menu.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { initI18n } from '../../app/i18n';
import { mirror, useMirror } from '../../store/mirror-store';
import { useTreeUi } from '../../store/ui-store';
import type { XapiClass } from '../../xapi/model/types';
import { ResourceTree } from './resource-tree';
import { fixture } from './tree-fixture';

const initialUi = useTreeUi.getState();

beforeAll(() => {
  initI18n();
  // jsdom lays nothing out: give the tree a height so the virtualiser renders rows.
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 300 });
});

beforeEach(() => {
  window.history.replaceState(null, '', '/');
  mirror.addPool(fixture.poolId, fixture.label);
  for (const cls of ['pool', 'host', 'VM', 'SR', 'network'] as XapiClass[]) {
    mirror.loadClass(fixture.poolId, cls, fixture[cls as keyof typeof fixture] as Record<string, unknown>);
  }
  mirror.setStatus(fixture.poolId, 'live');
  render(
    <QueryClientProvider client={new QueryClient()}>
      <ResourceTree />
    </QueryClientProvider>,
  );
  screen.getByRole('tree').focus();
});

afterEach(() => {
  cleanup();
  for (const id of useMirror.getState().order) mirror.removePool(id);
  useTreeUi.setState(initialUi, true);
});

const tree = () => screen.getByRole('tree');
const item = (name: string) => within(tree()).getByRole('treeitem', { name });
const press = (key: string, modifiers: { shiftKey?: boolean; ctrlKey?: boolean } = {}) =>
  act(() => {
    fireEvent.keyDown(tree(), { key, ...modifiers });
  });
const active = () => document.getElementById(tree().getAttribute('aria-activedescendant') ?? '');
/** A row's name is what its aria-labelledby points at. */
const selectedNames = () =>
  within(tree())
    .getAllByRole('treeitem', { selected: true })
    .map((row) => document.getElementById(row.getAttribute('aria-labelledby') ?? '')?.textContent);

describe('the resource tree from the keyboard', () => {
  it('moves with the arrows, selecting as it goes and opening each object', () => {
    press('ArrowDown');
    expect(active()).toBe(item('Demo pool'));
    press('ArrowDown');
    press('ArrowDown');
    expect(active()).toBe(item('DB'));
    expect(item('DB').getAttribute('aria-selected')).toBe('true');
    expect(window.location.pathname).toBe('/pools/sim-demo/VM/uuid-DB/general');
    press('End');
    expect(active()).toBe(item('Pool-wide network'));
    press('Home');
    expect(active()).toBe(item('Demo pool'));
  });

  it('closes and opens a node with Left and Right, and climbs to the parent', () => {
    press('ArrowDown');
    press('ArrowDown');
    expect(active()).toBe(item('host-2'));
    press('ArrowLeft');
    expect(item('host-2').getAttribute('aria-expanded')).toBe('false');
    expect(within(tree()).queryByRole('treeitem', { name: 'DB' })).toBeNull();
    press('ArrowRight');
    expect(item('host-2').getAttribute('aria-expanded')).toBe('true');
    press('ArrowRight');
    expect(active()).toBe(item('DB'));
    press('ArrowLeft');
    expect(active()).toBe(item('host-2'));
  });

  it('says where each row sits: level, set size and position', () => {
    expect(item('web-01').getAttribute('aria-level')).toBe('3');
    expect(item('web-01').getAttribute('aria-setsize')).toBe('2');
    expect(item('web-01').getAttribute('aria-posinset')).toBe('2');
  });

  it('extends the selection with Shift and the arrows, and moves focus alone with Ctrl', () => {
    press('ArrowDown');
    press('ArrowDown');
    press('ArrowDown');
    press('ArrowDown', { shiftKey: true });
    expect(selectedNames()).toEqual(['DB', 'web-01']);
    press('ArrowDown', { ctrlKey: true });
    expect(active()).toBe(item('host-10'));
    expect(selectedNames()).toEqual(['DB', 'web-01']);
  });

  it('jumps to a name typed and opens the menu of the node with Shift+F10, which Escape closes', () => {
    press('ArrowDown');
    press('b');
    expect(active()).toBe(item('backup'));
    press('F10', { shiftKey: true });
    const menu = screen.getByRole('menu', { name: 'backup' });
    expect(within(menu).getByRole('menuitem', { name: 'Start' }).getAttribute('aria-disabled')).toBeNull();
    expect(within(menu).getByRole('menuitem', { name: 'Shut down' }).getAttribute('aria-disabled')).toBe('true');
    act(() => {
      fireEvent.keyDown(menu, { key: 'Escape' });
    });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(tree());
  });
});
