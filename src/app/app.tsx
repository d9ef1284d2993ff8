import { PoolStatusPage } from '../features/pool-status/pool-status-page';

export function App() {
  return <PoolStatusPage />;
}
