import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { treeUi, useTreeUi } from '../../store/ui-store';

/** The filter box (names, tags, UUIDs) and the switches for templates and snapshots. */
export function TreeToolbar() {
  const { t } = useTranslation('tree');
  const filterId = useId();
  const filter = useTreeUi((state) => state.filter);
  const showTemplates = useTreeUi((state) => state.showTemplates);
  const showSnapshots = useTreeUi((state) => state.showSnapshots);
  return (
    <div className="tree-toolbar">
      <label htmlFor={filterId} className="visually-hidden">
        {t('filter')}
      </label>
      <input
        id={filterId}
        type="search"
        className="tree-filter"
        placeholder={t('filterPlaceholder')}
        value={filter}
        onChange={(event) => treeUi.setFilter(event.target.value)}
      />
      <div className="tree-switches">
        <label>
          <input
            type="checkbox"
            checked={showTemplates}
            onChange={(event) => treeUi.setShowTemplates(event.target.checked)}
          />
          {t('showTemplates')}
        </label>
        <label>
          <input
            type="checkbox"
            checked={showSnapshots}
            onChange={(event) => treeUi.setShowSnapshots(event.target.checked)}
          />
          {t('showSnapshots')}
        </label>
      </div>
    </div>
  );
}
