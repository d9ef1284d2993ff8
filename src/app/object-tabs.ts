/** Each object page's tabs, in order, from the features that provide them. */
import { MemoryTab } from '../features/memory/memory-tab';
import { GENERAL_TAB, type TabDefinition, type TabsByClass } from '../features/object-pages/object-tabs';

const MEMORY_TAB: TabDefinition = { id: 'memory', Component: MemoryTab };

export const OBJECT_TABS: TabsByClass = {
  VM: [GENERAL_TAB, MEMORY_TAB],
  host: [GENERAL_TAB, MEMORY_TAB],
  pool: [GENERAL_TAB, MEMORY_TAB],
  SR: [GENERAL_TAB],
  network: [GENERAL_TAB],
};
