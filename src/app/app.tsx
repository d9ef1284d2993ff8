import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionFailures } from '../components/actions/action-failures';
import { ConsoleWindow } from '../features/console/console-window';
import { BulkMemoryDialog } from '../features/memory/bulk/bulk-memory-dialog';
import { memoryMenuItems } from '../features/memory/bulk/memory-menu-items';
import { ResourceTreePanel } from '../features/resource-tree/resource-tree-panel';
import { TaskPanel } from '../features/tasks/task-panel';
import { restoreSavedPools } from '../store/connections';
import { AppHeader } from './app-header';
import { MainArea } from './main-area';
import { useRoute } from './routes';
import { useSimulatorLoader } from './simulator-loader';
import './app.css';

/**
 * The console's layout, as XenCenter's: the header, the resource tree on the left,
 * the object (or connect screen) in the main area, and tasks along the bottom. Pools
 * from an earlier visit come back on start, so a deep link works after a reload. A
 * console's own window shows that console alone, and brings back its pool alone.
 */
export function App() {
  const { t } = useTranslation('app');
  const route = useRoute();
  const startSimulator = useSimulatorLoader();
  const onlyPoolId = route.name === 'console-window' ? route.poolId : undefined;
  useEffect(() => {
    void restoreSavedPools(startSimulator, onlyPoolId);
  }, [startSimulator, onlyPoolId]);
  if (route.name === 'console-window') {
    return <ConsoleWindow poolId={route.poolId} cls={route.cls} uuid={route.uuid} mode={route.mode} />;
  }
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <AppHeader />
      <ResourceTreePanel extraVmItems={memoryMenuItems} />
      <main id="main" className="main-area" tabIndex={-1}>
        <ActionFailures />
        <MainArea route={route} />
      </main>
      <TaskPanel />
      <BulkMemoryDialog />
    </div>
  );
}
