import { createContext, useContext } from 'react';

/**
 * Starts the in-browser simulators (the worker) before a simulator pool is connected;
 * with a scenario's name, also has that scenario built ahead of the connection.
 */
export type SimulatorLoader = (scenario?: string) => Promise<void>;

export const SimulatorLoaderContext = createContext<SimulatorLoader>(() =>
  Promise.reject(new Error('the simulator is not available in this build')),
);

export const useSimulatorLoader = () => useContext(SimulatorLoaderContext);
