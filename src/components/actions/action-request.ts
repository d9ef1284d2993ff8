/** An action someone chose, on the objects it will run on, waiting for its dialog. */
import { useShallow } from 'zustand/react/shallow';
import type { ActionArgs, ActionTarget, ObjectAction } from '../../queries/actions/action';
import { useMirror } from '../../store/mirror-store';

export interface ActionRequest {
  action: ObjectAction;
  /** All in one pool when the action asks for a host or storage (the menus see to it). */
  targets: readonly ActionTarget[];
}

/** What every action dialog receives. */
export interface ActionDialogProps {
  request: ActionRequest;
  onRun: (args: ActionArgs) => void;
  onCancel: () => void;
}

/** The names of the request's objects, for titles and confirmations. */
export function useTargetNames(request: ActionRequest): string[] {
  return useMirror(
    useShallow((state) =>
      request.targets.map(
        ({ poolId, ref }) => state.pools[poolId]?.objects[request.action.cls]?.[ref]?.name_label ?? ref,
      ),
    ),
  );
}
