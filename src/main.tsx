import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { simulatorScenarioFromUrl } from './app/target';

async function boot() {
  const scenario = simulatorScenarioFromUrl(window.location.search);
  if (scenario) {
    // The one place src/ reaches into mocks/: the simulator loads on demand, so
    // a console pointed at a real pool never downloads it.
    const { startSimulator } = await import('../mocks/browser');
    await startSimulator({ scenario });
  }
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  );
}

void boot();
