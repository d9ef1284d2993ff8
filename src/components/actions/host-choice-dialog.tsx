import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ref } from '../../xapi/model/types';
import { Button } from '../button';
import { HostPicker } from '../host-picker';
import { ModalDialog } from '../modal-dialog';
import { type ActionDialogProps, useTargetNames } from './action-request';

/** Start on a host, or migrate to one: the host picker, then the action. */
export function HostChoiceDialog({ request, onRun, onCancel }: ActionDialogProps) {
  const { t } = useTranslation('actions');
  const names = useTargetNames(request);
  const [host, setHost] = useState<string>();
  const { id, label } = request.action;
  const title =
    names.length > 1 ? t(`${id}.titleMany`, { count: names.length }) : t(`${id}.title`, { names: names[0] });
  return (
    <ModalDialog
      title={title}
      onClose={onCancel}
      onSubmit={() => host && onRun({ host: host as Ref<'host'> })}
      footer={
        <>
          <Button onClick={onCancel}>{t('dialog.cancel')}</Button>
          <Button type="submit" variant="primary" disabledReason={host ? undefined : t('dialog.chooseHost')}>
            {t(label)}
          </Button>
        </>
      }
    >
      <HostPicker
        poolId={request.targets[0].poolId}
        vmRefs={request.targets.map((target) => target.ref)}
        purpose={id === 'migrate' ? 'migrate' : 'start'}
        value={host}
        onChange={setHost}
      />
    </ModalDialog>
  );
}
