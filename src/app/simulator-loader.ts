import { createContext, useContext } from 'react';

/** Starts the in-browser simulators (the worker) before a simulator pool is connected. */
export type SimulatorLoader = () => Promise<void>;

export const SimulatorLoaderContext = createContext<SimulatorLoader>(() =>
  Promise.reject(new Error('the simulator is not available in this build')),
);

export const useSimulatorLoader = () => useContext(SimulatorLoaderContext);
