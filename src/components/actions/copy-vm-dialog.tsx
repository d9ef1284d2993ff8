import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTable } from '../../store/mirror-store';
import type { Ref } from '../../xapi/model/types';
import { Button } from '../button';
import { formatSize } from '../format/bytes';
import { ModalDialog } from '../modal-dialog';
import { type ActionDialogProps, useTargetNames } from './action-request';
import { NewNameField } from './new-name-field';

/** Storage that can take the copy's disks: not an ISO library, and XAPI allows creating disks there. */
function useWritableSrs(poolId: string) {
  const srs = useTable(poolId, 'SR') ?? {};
  return Object.entries(srs)
    .filter(([, sr]) => sr.content_type !== 'iso' && sr.allowed_operations.includes('vdi_create'))
    .sort(([, a], [, b]) => a.name_label.localeCompare(b.name_label));
}

/** A full copy (VM.copy): a name for it and the storage its disks go to, the pool's default first. */
export function CopyVmDialog({ request, onRun, onCancel }: ActionDialogProps) {
  const { t } = useTranslation('actions');
  const [name] = useTargetNames(request);
  const { poolId } = request.targets[0];
  const srs = useWritableSrs(poolId);
  const defaultSr = Object.values(useTable(poolId, 'pool') ?? {})[0]?.default_SR;
  const [newName, setNewName] = useState(() => t('copy.defaultName', { name }));
  const [chosenSr, setSr] = useState<string>();
  const sr = chosenSr ?? srs.find(([ref]) => ref === defaultSr)?.[0] ?? srs[0]?.[0];
  const srId = useId();
  const trimmed = newName.trim();
  const missing = !trimmed ? t('dialog.nameRequired') : !sr ? t('dialog.chooseSr') : undefined;
  return (
    <ModalDialog
      title={t('copy.title', { name })}
      onClose={onCancel}
      onSubmit={() => !missing && onRun({ name: trimmed, sr: sr as Ref<'SR'> })}
      footer={
        <>
          <Button onClick={onCancel}>{t('dialog.cancel')}</Button>
          <Button type="submit" variant="primary" disabledReason={missing}>
            {t(request.action.label)}
          </Button>
        </>
      }
    >
      <p className="muted">{t('copy.hint')}</p>
      <NewNameField value={newName} onChange={setNewName} />
      <label className="field" htmlFor={srId}>
        {t('copy.sr')}
      </label>
      {srs.length === 0 ? (
        <p role="alert">{t('copy.noSr')}</p>
      ) : (
        <select id={srId} className="field-input" value={sr} onChange={(event) => setSr(event.target.value)}>
          {srs.map(([ref, record]) => (
            <option key={ref} value={ref}>
              {t('copy.srFree', {
                name: record.name_label,
                free: formatSize(record.physical_size - record.physical_utilisation),
              })}
            </option>
          ))}
        </select>
      )}
    </ModalDialog>
  );
}
