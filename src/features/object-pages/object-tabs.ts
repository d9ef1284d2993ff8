/**
 * A tab on an object page. Tabs come from several features (General from this one,
 * Memory, Console, Performance from theirs), so src/app/object-tabs.ts composes each
 * class's list and hands it to ObjectPage.
 */
import type { ComponentType } from 'react';
import type { Tab } from '../../app/routes';
import { GeneralTab, type TabProps } from './general-tab';
import type { PageClass } from './object-kind';

export interface TabDefinition {
  id: Tab;
  Component: ComponentType<TabProps>;
}

export type TabsByClass = Readonly<Record<PageClass, readonly TabDefinition[]>>;

export const GENERAL_TAB: TabDefinition = { id: 'general', Component: GeneralTab };

/** Every class with its General tab only. */
export const GENERAL_ONLY: TabsByClass = {
  VM: [GENERAL_TAB],
  host: [GENERAL_TAB],
  pool: [GENERAL_TAB],
  SR: [GENERAL_TAB],
  network: [GENERAL_TAB],
};
