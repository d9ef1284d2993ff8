/**
 * A VM that is not running has no console: the banner says so and offers the action
 * that makes it run (Start, Resume or Unpause), through the same actions as the toolbar
 * and the tree, so it is enabled, explained and followed in the task panel alike. Once
 * the VM runs and its console record appears, the console opens by itself.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { actionMenuItems } from '../../components/actions/action-menu-items';
import { useActionLauncher } from '../../components/actions/use-action-launcher';
import { Button } from '../../components/button';
import { vmActions } from '../../queries/actions/vm-actions';
import { useMirror } from '../../store/mirror-store';
import type { PowerState } from '../../xapi/rules/verdict';

/** The action that brings a VM in each state back to running. */
const RUN_ACTION: Partial<Record<PowerState, string>> = { Halted: 'start', Suspended: 'resume', Paused: 'unpause' };

const objectsOf = (poolId: string) => useMirror.getState().pools[poolId]?.objects ?? {};

interface Props {
  poolId: string;
  vmRef: string;
  name: string;
  powerState: Exclude<PowerState, 'Running'>;
}

export function PowerBanner({ poolId, vmRef, name, powerState }: Props) {
  const { t } = useTranslation('console');
  const { t: tActions } = useTranslation('actions');
  const { launch, dialog } = useActionLauncher();
  const id = RUN_ACTION[powerState];
  const actions = vmActions.filter((action) => action.id === id);
  const [item] = actionMenuItems(tActions, actions, [{ poolId, ref: vmRef }], objectsOf, launch);
  const wordsId = useId();
  return (
    <div className="console-banner">
      {/* A status, so the change is announced; the button is described by it, for when the focus moves to it. */}
      <p role="status" id={wordsId}>
        {t(`power.${powerState}`, { name })} {t('power.attaches')}
      </p>
      {item && (
        <Button
          variant="primary"
          disabledReason={item.disabledReason}
          aria-describedby={wordsId}
          onClick={item.onSelect}
        >
          {item.label}
        </Button>
      )}
      {dialog}
    </div>
  );
}
