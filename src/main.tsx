import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { initI18n } from './app/i18n';
import { SimulatorLoaderContext } from './app/simulator-loader';
import { stopEventLoops } from './store/connections';
import { markSharedSimulatorGone } from './store/shared-simulator';

// The one place src/ reaches into mocks/: the simulator loads on demand, when the
// person picks a scenario or connects to it, so a console used only with real pools
// never downloads it.
const startSimulators = (scenario?: string) =>
  import('../mocks/browser').then((m) => {
    m.whenSharedSimulatorGone(markSharedSimulatorGone);
    return scenario ? m.prepareScenario(scenario) : m.startSimulators();
  });

// Registered before the simulator's worker starts, so it runs before MSW detaches this page.
window.addEventListener('beforeunload', stopEventLoops);
initI18n();
const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <SimulatorLoaderContext.Provider value={startSimulators}>
        <App />
      </SimulatorLoaderContext.Provider>
    </QueryClientProvider>
  </StrictMode>,
);
