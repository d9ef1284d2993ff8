import { ConnectPage } from '../features/connect/connect-page';
import { ObjectPage } from '../features/object-pages/object-page';
import { NotificationsView } from '../features/tasks/notifications-view';
import { HomePage } from './home-page';
import { OBJECT_TABS } from './object-tabs';
import type { Route } from './routes';

/** What the address asks for, in the main area beside the tree. */
export function MainArea({ route }: { route: Exclude<Route, { name: 'console-window' }> }) {
  switch (route.name) {
    case 'home':
      return <HomePage />;
    case 'connect':
      // Keyed by the prefill, so Reconnect on another pool starts a fresh form.
      return <ConnectPage key={JSON.stringify(route.prefill ?? null)} prefill={route.prefill} />;
    case 'notifications':
      return <NotificationsView />;
    case 'object':
      return <ObjectPage route={route} tabs={OBJECT_TABS} />;
  }
}
