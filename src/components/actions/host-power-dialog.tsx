import { useTranslation } from 'react-i18next';
import { useRecord } from '../../store/mirror-store';
import { needsMaintenanceFirst } from '../../xapi/rules/host-can';
import { ConfirmDialog } from '../confirm-dialog';
import { type ActionDialogProps, useTargetNames } from './action-request';

/**
 * Host reboot or shutdown. XAPI refuses both on an enabled host (HOST_NOT_DISABLED),
 * so an enabled host enters maintenance mode first, and the dialog says so.
 */
export function HostPowerDialog({ request, onRun, onCancel }: ActionDialogProps) {
  const { t } = useTranslation('actions');
  const [name] = useTargetNames(request);
  const { poolId, ref } = request.targets[0];
  const host = useRecord(poolId, 'host', ref);
  const maintenanceFirst = host ? needsMaintenanceFirst(host) : false;
  const kind = request.action.id === 'reboot' ? 'reboot' : 'shutdown';
  return (
    <ConfirmDialog
      title={t(`hostPower.${kind}Title`, { name })}
      confirmLabel={maintenanceFirst ? t(`hostPower.${kind}WithMaintenance`) : t(request.action.label)}
      danger
      onConfirm={() => onRun({ enterMaintenanceFirst: maintenanceFirst })}
      onCancel={onCancel}
    >
      <p>{t(`hostPower.${kind}Message`, { name })}</p>
      {maintenanceFirst && <p>{t('hostPower.maintenanceFirst', { name })}</p>}
    </ConfirmDialog>
  );
}
