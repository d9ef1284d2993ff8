import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { initI18n } from './app/i18n';
import { SimulatorLoaderContext } from './app/simulator-loader';

// The one place src/ reaches into mocks/: the simulator loads on demand, when the
// person connects to it, so a console used only with real pools never downloads it.
const startSimulators = () => import('../mocks/browser').then((m) => m.startSimulators());

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
