import { type MouseEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionMenu } from '../../components/action-menu';
import { actionMenuItems } from '../../components/actions/action-menu-items';
import { useActionLauncher } from '../../components/actions/use-action-launcher';
import { Button } from '../../components/button';
import { hostActions } from '../../queries/actions/host-actions';
import { vmActions } from '../../queries/actions/vm-actions';
import { useMirror, useRecord } from '../../store/mirror-store';
import type { PageClass } from './object-kind';

/** The actions on XenCenter's toolbar; the rest are one click away under "More actions". */
const ON_TOOLBAR: Partial<Record<PageClass, readonly string[]>> = {
  VM: ['start', 'shutdown', 'reboot', 'suspend', 'resume'],
  host: ['enterMaintenance', 'exitMaintenance', 'reboot'],
};

const objectsOf = (poolId: string) => useMirror.getState().pools[poolId]?.objects ?? {};

interface Props {
  poolId: string;
  cls: PageClass;
  objectRef: string;
}

/**
 * The VM or host actions for this object. Each button is enabled from the record's
 * allowed_operations and, when it is not, says why; the record is read here so the
 * buttons follow every change the event stream brings.
 */
export function ObjectToolbar({ poolId, cls, objectRef }: Props) {
  const { t } = useTranslation('objectPages');
  const { t: tActions } = useTranslation('actions');
  const { launch, dialog } = useActionLauncher();
  const record = useRecord(poolId, cls, objectRef);
  const [menuAt, setMenuAt] = useState<{ x: number; y: number } | null>(null);
  const onToolbar = ON_TOOLBAR[cls];
  if (!record || !onToolbar) return null;

  const actions = cls === 'VM' ? vmActions : hostActions;
  const items = actionMenuItems(tActions, actions, [{ poolId, ref: objectRef }], objectsOf, launch);
  const openMenu = (event: MouseEvent<HTMLButtonElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    setMenuAt({ x: box.left, y: box.bottom });
  };
  return (
    <div role="toolbar" aria-label={t('toolbar.label')} className="object-toolbar">
      {items
        .filter((item) => onToolbar.includes(item.id))
        .map((item) => (
          <Button key={item.id} disabledReason={item.disabledReason} onClick={item.onSelect}>
            {item.label}
          </Button>
        ))}
      <Button aria-haspopup="menu" aria-expanded={menuAt !== null} onClick={openMenu}>
        {t('toolbar.more')}
      </Button>
      {menuAt && (
        <ActionMenu label={record.name_label} items={items} position={menuAt} onClose={() => setMenuAt(null)} />
      )}
      {dialog}
    </div>
  );
}
