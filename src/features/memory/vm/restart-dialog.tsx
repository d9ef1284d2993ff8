import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog';

interface Props {
  vmName: string;
  hostName: string;
  /** The guest can shut itself down; otherwise it is forced off, and the dialog says so. */
  cleanly: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before a static memory change restarts a running VM, saying each step and what happens if one fails. */
export function RestartDialog({ vmName, hostName, cleanly, onConfirm, onCancel }: Props) {
  const { t } = useTranslation('memory');
  return (
    <ConfirmDialog
      title={t('restart.title', { name: vmName })}
      confirmLabel={t(cleanly ? 'restart.confirm' : 'restart.confirmForced')}
      danger={!cleanly}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>{t('restart.why')}</p>
      <ol>
        <li>{t(cleanly ? 'restart.stepShutdown' : 'restart.stepForceOff', { name: vmName })}</li>
        <li>{t('restart.stepApply')}</li>
        <li>{t('restart.stepStart', { host: hostName })}</li>
      </ol>
      <p>{t('restart.ifRefused')}</p>
      {!cleanly && <p className="memory-warning">{t('restart.forcedWarning')}</p>}
    </ConfirmDialog>
  );
}
