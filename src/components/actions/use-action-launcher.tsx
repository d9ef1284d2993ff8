/**
 * How a menu or a toolbar starts an action: `launch(action, targets)` runs it at once
 * when it needs nothing more, or opens its dialog (confirmation, host, name, storage)
 * and runs it when the person agrees. Render `dialog` somewhere in the component.
 *
 *   const { launch, dialog } = useActionLauncher();
 *   <Button onClick={() => launch(action, [{ poolId, ref }])}>…</Button>
 *   {dialog}
 */
import { type ReactNode, useCallback, useState } from 'react';
import type { ActionTarget, ObjectAction } from '../../queries/actions/action';
import { useRunAction } from '../../queries/actions/use-run-action';
import { ActionDialog } from './action-dialog';
import type { ActionRequest } from './action-request';

export interface ActionLauncher {
  launch: (action: ObjectAction, targets: readonly ActionTarget[]) => void;
  dialog: ReactNode;
}

export function useActionLauncher(): ActionLauncher {
  const [request, setRequest] = useState<ActionRequest | null>(null);
  const { mutate } = useRunAction();
  const launch = useCallback(
    (action: ObjectAction, targets: readonly ActionTarget[]) => {
      if (targets.length === 0) return;
      if (action.input === 'none' && !action.confirm) mutate({ action, targets });
      else setRequest({ action, targets });
    },
    [mutate],
  );
  const dialog = request && (
    <ActionDialog
      request={request}
      onRun={(args) => {
        setRequest(null);
        mutate({ action: request.action, targets: request.targets, args });
      }}
      onCancel={() => setRequest(null)}
    />
  );
  return { launch, dialog };
}
