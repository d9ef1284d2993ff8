/** A graph's title: its name, or what it shows when it has none (as the defaults do). */
import type { TFunction } from 'i18next';
import { groupOf } from './data-source-kinds';
import type { DesignedGraph } from './graph-layout';

export function graphTitle(t: TFunction<'performance'>, graph: DesignedGraph, index: number): string {
  if (graph.name !== '') return graph.name;
  const groups = new Set(graph.sources.map(groupOf));
  const [only] = groups;
  return groups.size === 1 && only !== 'other' ? t(`graph.${only}`) : t('graph.other', { number: index + 1 });
}
