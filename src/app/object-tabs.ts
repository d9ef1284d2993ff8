/** Each object page's tabs, in order, from the features that provide them. */
import { ConsoleTab } from '../features/console/console-tab';
import { MemoryTab } from '../features/memory/memory-tab';
import { GENERAL_TAB, type TabDefinition, type TabsByClass } from '../features/object-pages/object-tabs';
import { PerformanceTab } from '../features/performance/performance-tab';
import { DashboardWithAlerts } from './dashboard-with-alerts';

const MEMORY_TAB: TabDefinition = { id: 'memory', Component: MemoryTab };
const CONSOLE_TAB: TabDefinition = { id: 'console', Component: ConsoleTab };
const PERFORMANCE_TAB: TabDefinition = { id: 'performance', Component: PerformanceTab };
const DASHBOARD_TAB: TabDefinition = { id: 'dashboard', Component: DashboardWithAlerts };

export const OBJECT_TABS: TabsByClass = {
  VM: [GENERAL_TAB, MEMORY_TAB, CONSOLE_TAB, PERFORMANCE_TAB],
  host: [GENERAL_TAB, DASHBOARD_TAB, MEMORY_TAB, CONSOLE_TAB, PERFORMANCE_TAB],
  pool: [GENERAL_TAB, DASHBOARD_TAB, MEMORY_TAB],
  SR: [GENERAL_TAB],
  network: [GENERAL_TAB],
};
