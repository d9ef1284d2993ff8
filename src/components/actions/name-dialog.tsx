import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../button';
import { ModalDialog } from '../modal-dialog';
import { type ActionDialogProps, useTargetNames } from './action-request';
import { NewNameField } from './new-name-field';

/** Clone or snapshot: a name for the new VM, prefilled from the old one. */
export function NameDialog({ request, onRun, onCancel }: ActionDialogProps) {
  const { t } = useTranslation('actions');
  const [name] = useTargetNames(request);
  const { id, label } = request.action;
  const [newName, setNewName] = useState(() => t(`${id}.defaultName`, { name }));
  const trimmed = newName.trim();
  return (
    <ModalDialog
      title={t(`${id}.title`, { name })}
      onClose={onCancel}
      onSubmit={() => trimmed && onRun({ name: trimmed })}
      footer={
        <>
          <Button onClick={onCancel}>{t('dialog.cancel')}</Button>
          <Button type="submit" variant="primary" disabledReason={trimmed ? undefined : t('dialog.nameRequired')}>
            {t(label)}
          </Button>
        </>
      }
    >
      <NewNameField value={newName} onChange={setNewName} />
    </ModalDialog>
  );
}
