/**
 * Which pool the console talks to. The built-in simulator is the default; until the
 * connect screen exists, `?scenario=large` picks another scenario.
 */
export const SIMULATOR_SCENARIOS = ['demo', 'large'] as const;
export type SimulatorScenario = (typeof SIMULATOR_SCENARIOS)[number];

export function simulatorScenarioFromUrl(search: string): SimulatorScenario {
  const requested = new URLSearchParams(search).get('scenario');
  return SIMULATOR_SCENARIOS.find((s) => s === requested) ?? 'demo';
}
