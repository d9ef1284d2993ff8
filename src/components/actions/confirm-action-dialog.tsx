import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../confirm-dialog';
import { type ActionDialogProps, useTargetNames } from './action-request';

/** Asks before a forced shutdown or reboot, naming every VM it hits. */
export function ConfirmActionDialog({ request, onRun, onCancel }: ActionDialogProps) {
  const { t } = useTranslation('actions');
  const names = useTargetNames(request);
  const { id, label } = request.action;
  return (
    <ConfirmDialog
      title={t(`confirm.${id}.title`)}
      confirmLabel={t(label)}
      danger
      onConfirm={() => onRun({})}
      onCancel={onCancel}
    >
      <p>
        {t(names.length > 1 ? `confirm.${id}.messageMany` : `confirm.${id}.message`, {
          count: names.length,
          names: names.join(', '),
        })}
      </p>
    </ConfirmDialog>
  );
}
