/**
 * What the Console tab shows, read from the mirror as one flat record of strings (so
 * the page re-renders when the VM's power state or console records change, and not on
 * every balloon step): the VM whose consoles these are, its name, and its consoles.
 */
import { useShallow } from 'zustand/react/shallow';
import { useMirror } from '../../store/mirror-store';
import type { PowerState } from '../../xapi/rules/verdict';
import { type AvailableConsoles, availableConsoles, type ConsoleOwnerClass, consoleVmRef } from './console-choice';

export interface ConsoleTarget {
  /** undefined while the records load, or when a host's control domain is not known. */
  vmRef: string | undefined;
  /** The name the console is called by: the VM's, or for a host the host's. */
  name: string;
  /** The uuid of the object the page is about (the window's address uses it). */
  uuid: string;
  kind: 'vm' | 'template' | 'snapshot';
  powerState: PowerState | undefined;
  /** Changes when the VM's allowed operations do, so Start and Resume follow them. */
  allowedOperations: string;
  textRef: string | undefined;
  textLocation: string | undefined;
  graphicalRef: string | undefined;
  graphicalLocation: string | undefined;
}

export function useConsoleTarget(poolId: string, cls: ConsoleOwnerClass, objectRef: string): ConsoleTarget {
  return useMirror(
    useShallow((state): ConsoleTarget => {
      const objects = state.pools[poolId]?.objects ?? {};
      const owner = cls === 'VM' ? objects.VM?.[objectRef] : objects.host?.[objectRef];
      const vmRef = consoleVmRef(objects, cls, objectRef);
      const vm = vmRef ? objects.VM?.[vmRef] : undefined;
      const consoles = vm ? availableConsoles(vm, objects.console) : {};
      return {
        vmRef: vm ? vmRef : undefined,
        name: owner?.name_label ?? '',
        uuid: owner?.uuid ?? '',
        kind: vm?.is_a_snapshot ? 'snapshot' : vm?.is_a_template ? 'template' : 'vm',
        powerState: vm?.power_state,
        allowedOperations: vm?.allowed_operations.join() ?? '',
        textRef: consoles.text?.ref,
        textLocation: consoles.text?.location,
        graphicalRef: consoles.graphical?.ref,
        graphicalLocation: consoles.graphical?.location,
      };
    }),
  );
}

export function consolesOfTarget(target: ConsoleTarget): AvailableConsoles {
  const available: AvailableConsoles = {};
  if (target.textRef && target.textLocation !== undefined) {
    available.text = { ref: target.textRef, location: target.textLocation };
  }
  if (target.graphicalRef && target.graphicalLocation !== undefined) {
    available.graphical = { ref: target.graphicalRef, location: target.graphicalLocation };
  }
  return available;
}
