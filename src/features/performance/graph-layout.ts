/**
 * A Performance tab's graphs, kept in pool.gui_config the way XenCenter keeps them
 * (XenAdmin/Controls/CustomDataGraph/Palette.cs, GraphList.cs and
 * SaveDataSourceStateAction.cs), so XenCenter and this console show one layout:
 *
 *   XenCenter.GraphLayout.<i>.<vm|host>.<uuid> = "cpu0,cpu1,avg_cpu"  (data source names)
 *   XenCenter.GraphName.<i>.<vm|host>.<uuid>   = "My graph"           (absent when unnamed)
 *
 * for i = 0, 1, 2… with no gap. No layout keys for an object means its default graphs.
 */

export interface DesignedGraph {
  /** Empty for a graph the person did not name: its title then says what it shows. */
  name: string;
  sources: readonly string[];
}

export interface GraphedObject {
  /** XenCenter's spelling in the keys. */
  kind: 'vm' | 'host';
  uuid: string;
}

const LAYOUT = 'GraphLayout';
const NAME = 'GraphName';

const keyOf = (type: string, index: number, object: GraphedObject) =>
  `XenCenter.${type}.${index}.${object.kind}.${object.uuid}`;

export const layoutKey = (index: number, object: GraphedObject) => keyOf(LAYOUT, index, object);
export const nameKey = (index: number, object: GraphedObject) => keyOf(NAME, index, object);

/** The object's saved graphs, or undefined when it has none saved (so its defaults apply). */
export function readLayout(
  guiConfig: Readonly<Record<string, string>>,
  object: GraphedObject,
): DesignedGraph[] | undefined {
  const graphs: DesignedGraph[] = [];
  for (let i = 0; Object.hasOwn(guiConfig, layoutKey(i, object)); i++) {
    graphs.push({
      name: guiConfig[nameKey(i, object)] ?? '',
      sources: guiConfig[layoutKey(i, object)].split(',').filter((source) => source !== ''),
    });
  }
  return graphs.length > 0 ? graphs : undefined;
}

/** The keys and values that describe `graphs` for the object. */
export function layoutEntries(graphs: readonly DesignedGraph[], object: GraphedObject): Record<string, string> {
  const entries: Record<string, string> = {};
  graphs.forEach((graph, i) => {
    entries[layoutKey(i, object)] = graph.sources.join(',');
    if (graph.name !== '') entries[nameKey(i, object)] = graph.name;
  });
  return entries;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether a key is one of this object's layout or name keys (any index). */
export function isLayoutKeyOf(key: string, object: GraphedObject): boolean {
  const pattern = new RegExp(
    `^XenCenter\\.(${LAYOUT}|${NAME})\\.\\d+\\.${object.kind}\\.${escapeRegExp(object.uuid)}$`,
  );
  return pattern.test(key);
}

export interface GuiConfigChanges {
  /** Keys to remove first: gone, or about to be written with a new value. */
  remove: string[];
  /** Then added: pool.add_to_gui_config refuses a key that is still there (MAP_DUPLICATE_KEY). */
  add: [key: string, value: string][];
}

/**
 * The smallest set of per-key changes from the pool's gui_config to `graphs` (an empty
 * list restores the defaults). Per-key calls leave every other key alone, so two
 * administrators editing different objects' graphs at once do not undo each other.
 */
export function layoutChanges(
  guiConfig: Readonly<Record<string, string>>,
  object: GraphedObject,
  graphs: readonly DesignedGraph[],
): GuiConfigChanges {
  const wanted = layoutEntries(graphs, object);
  const remove = Object.keys(guiConfig).filter(
    (key) => isLayoutKeyOf(key, object) && (!Object.hasOwn(wanted, key) || wanted[key] !== guiConfig[key]),
  );
  const add = Object.entries(wanted).filter(([key, value]) => guiConfig[key] !== value);
  return { remove, add };
}
