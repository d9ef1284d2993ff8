import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { disksOnlyThisVmUses } from '../../queries/actions/vm-disks';
import { useMirror } from '../../store/mirror-store';
import { ConfirmDialog } from '../confirm-dialog';
import { formatSize } from '../format/bytes';
import { type ActionDialogProps, useTargetNames } from './action-request';

/**
 * Deleting a VM: names the disks that go with it (those no other VM uses) and lets
 * the person keep them. The disks listed are the disks deleted: they are fixed when
 * the dialog opens, not looked up again after the VM is gone.
 */
export function DeleteVmDialog({ request, onRun, onCancel }: ActionDialogProps) {
  const { t } = useTranslation('actions');
  const [name] = useTargetNames(request);
  const { poolId, ref } = request.targets[0];
  const [{ disks, srNames }] = useState(() => {
    const objects = useMirror.getState().pools[poolId]?.objects ?? {};
    return {
      disks: disksOnlyThisVmUses(objects, ref),
      srNames: new Map(Object.entries(objects.SR ?? {}).map(([srRef, sr]) => [srRef, sr.name_label])),
    };
  });
  const [keepDisks, setKeepDisks] = useState(false);
  return (
    <ConfirmDialog
      title={t('delete.title', { name })}
      confirmLabel={t(request.action.label)}
      danger
      onConfirm={() => onRun({ disks: keepDisks ? [] : disks.map((disk) => disk.ref) })}
      onCancel={onCancel}
    >
      <p>{t('delete.message', { name })}</p>
      {disks.length === 0 ? (
        <p>{t('delete.noDisks')}</p>
      ) : (
        <>
          <p>{t('delete.disks')}</p>
          <ul className={keepDisks ? 'disk-list kept' : 'disk-list'}>
            {disks.map(({ ref: diskRef, vdi }) => (
              <li key={diskRef}>
                {t('delete.disk', {
                  name: vdi.name_label,
                  size: formatSize(vdi.virtual_size),
                  sr: srNames.get(vdi.SR) ?? vdi.SR,
                })}
              </li>
            ))}
          </ul>
          <label className="checkbox">
            <input type="checkbox" checked={keepDisks} onChange={(event) => setKeepDisks(event.target.checked)} />
            {t('delete.keepDisks')}
          </label>
        </>
      )}
    </ConfirmDialog>
  );
}
