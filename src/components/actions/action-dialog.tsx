import type { ActionDialogProps } from './action-request';
import { ConfirmActionDialog } from './confirm-action-dialog';
import { CopyVmDialog } from './copy-vm-dialog';
import { DeleteVmDialog } from './delete-vm-dialog';
import { HostChoiceDialog } from './host-choice-dialog';
import { HostPowerDialog } from './host-power-dialog';
import { NameDialog } from './name-dialog';

/** The dialog an action asks its questions in, chosen by what it needs to know. */
export function ActionDialog(props: ActionDialogProps) {
  switch (props.request.action.input) {
    case 'host':
      return <HostChoiceDialog {...props} />;
    case 'name':
      return <NameDialog {...props} />;
    case 'name-and-sr':
      return <CopyVmDialog {...props} />;
    case 'delete-vm':
      return <DeleteVmDialog {...props} />;
    case 'host-power':
      return <HostPowerDialog {...props} />;
    case 'none':
      return <ConfirmActionDialog {...props} />;
  }
}
