import { useTranslation } from 'react-i18next';
import { navigate, paths } from '../../app/routes';
import { Button } from '../../components/button';
import { useMirror } from '../../store/mirror-store';
import { ResourceTree } from './resource-tree';
import type { ExtraVmMenuItems } from './tree-menu-items';
import { TreeToolbar } from './tree-toolbar';

/**
 * The left pane: filter and switches over the tree, or a way to connect when there is
 * nothing yet. `extraVmItems`: what other features add to the VMs' context menu.
 */
export function ResourceTreePanel({ extraVmItems }: { extraVmItems?: ExtraVmMenuItems }) {
  const { t } = useTranslation('tree');
  const hasPools = useMirror((state) => state.order.length > 0);
  return (
    <nav className="tree-panel" aria-label={t('panel')}>
      <TreeToolbar />
      {hasPools ? (
        <ResourceTree extraVmItems={extraVmItems} />
      ) : (
        <div className="tree-empty">
          <p>{t('noPools')}</p>
          <Button onClick={() => navigate(paths.connect())}>{t('connect')}</Button>
        </div>
      )}
    </nav>
  );
}
