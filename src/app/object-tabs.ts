/** Each object page's tabs, in order, from the features that provide them. */
import { GENERAL_TAB, type TabsByClass } from '../features/object-pages/object-tabs';

export const OBJECT_TABS: TabsByClass = {
  VM: [GENERAL_TAB],
  host: [GENERAL_TAB],
  pool: [GENERAL_TAB],
  SR: [GENERAL_TAB],
  network: [GENERAL_TAB],
};
