import { DashboardTab } from '../features/dashboard/dashboard-tab';
import type { TabProps } from '../features/object-pages/general-tab';
import { MessageRow } from '../features/tasks/message-row';

/** The Dashboard tab, its alerts shown (and dismissed) as the notifications view shows them. */
export function DashboardWithAlerts(props: TabProps) {
  return <DashboardTab {...props} Alert={MessageRow} />;
}
