/** Each object page's tabs, in order, from the features that provide them. */
import { GENERAL_TAB, type TabDefinition, type TabsByClass } from '../features/object-pages/object-tabs';
import { PerformanceTab } from '../features/performance/performance-tab';
import { DashboardWithAlerts } from './dashboard-with-alerts';

const PERFORMANCE_TAB: TabDefinition = { id: 'performance', Component: PerformanceTab };
const DASHBOARD_TAB: TabDefinition = { id: 'dashboard', Component: DashboardWithAlerts };

export const OBJECT_TABS: TabsByClass = {
  VM: [GENERAL_TAB, PERFORMANCE_TAB],
  host: [GENERAL_TAB, DASHBOARD_TAB, PERFORMANCE_TAB],
  pool: [GENERAL_TAB, DASHBOARD_TAB],
  SR: [GENERAL_TAB],
  network: [GENERAL_TAB],
};
