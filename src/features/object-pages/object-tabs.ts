/**
 * The tabs each kind of page has, in order. Only tabs that exist are listed: Memory,
 * Storage, Networking, Console, Performance and Snapshots join here as they are built.
 */
import type { ComponentType } from 'react';
import type { Tab } from '../../app/routes';
import { GeneralTab, type TabProps } from './general-tab';
import type { PageClass } from './object-kind';

export interface TabDefinition {
  id: Tab;
  Component: ComponentType<TabProps>;
}

const general: TabDefinition = { id: 'general', Component: GeneralTab };

export const TABS: Record<PageClass, readonly TabDefinition[]> = {
  VM: [general],
  host: [general],
  pool: [general],
  SR: [general],
  network: [general],
};
