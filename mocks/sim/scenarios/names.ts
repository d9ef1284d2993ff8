/**
 * The scenarios' names, apart from their builders, so the page can route requests to
 * the simulator worker without loading the model itself.
 */
export const SCENARIO_NAMES = ['demo', 'large'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export function isScenarioName(name: string): name is ScenarioName {
  return (SCENARIO_NAMES as readonly string[]).includes(name);
}
