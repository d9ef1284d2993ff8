import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './button';
import { ModalDialog } from './modal-dialog';

export interface ConfirmDialogProps {
  title: string;
  /** What will happen, naming the objects it happens to. */
  children: ReactNode;
  /** The verb on the confirm button ("Force shut down"), never a bare "OK". */
  confirmLabel: string;
  /** Styles the confirm button as destructive. */
  danger?: boolean;
  /** Set while the confirm button cannot be used yet, with the reason (e.g. disks still loading). */
  confirmDisabledReason?: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before something destructive or disruptive; Cancel is where focus starts. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  danger,
  confirmDisabledReason,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const { t } = useTranslation('actions');
  return (
    <ModalDialog
      title={title}
      onClose={onCancel}
      onSubmit={() => confirmDisabledReason === undefined && onConfirm()}
      footer={
        <>
          {/* Focus starts on Cancel: a stray Enter must not destroy anything. */}
          <Button onClick={onCancel} autoFocus>
            {t('dialog.cancel')}
          </Button>
          <Button type="submit" variant={danger ? 'danger' : 'primary'} disabledReason={confirmDisabledReason}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      {children}
    </ModalDialog>
  );
}
