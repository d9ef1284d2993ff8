/**
 * The shape of every action the console offers on a VM or a host, shared by the
 * tree's context menu and the object pages' toolbar. An action says what it is
 * called, whether it may run on a record now (and why not), what it must ask first,
 * and how it runs. It calls XAPI's Async form so the work shows as a task, waits for
 * that task, and never touches the mirror: the event stream brings the new state.
 */
import type { PoolMirror } from '../../store/mirror-store';
import type { Ref, XapiRecord } from '../../xapi/model/types';
import type { Verdict } from '../../xapi/rules/verdict';

/** Every table of one pool's mirror, for the records an action's rules read besides its own. */
export type PoolObjects = PoolMirror['objects'];

export type ActionClass = 'VM' | 'host';

/** One object an action runs on. */
export interface ActionTarget {
  poolId: string;
  ref: string;
}

/**
 * What an action asks before it runs:
 * - none: nothing (a destructive one still asks to confirm, see `confirm`);
 * - host: a host to start on or migrate to (from VM.get_possible_hosts);
 * - name: a name for the clone or snapshot;
 * - name-and-sr: a name and the storage for a full copy;
 * - delete-vm: confirmation listing the disks that go too, with a choice to keep them;
 * - host-power: confirmation, entering maintenance mode first where XAPI requires it.
 */
export type ActionInput = 'none' | 'host' | 'name' | 'name-and-sr' | 'delete-vm' | 'host-power';

/** The answers to `input`; each action reads the ones its input asks for. */
export interface ActionArgs {
  host?: Ref<'host'>;
  name?: string;
  sr?: Ref<'SR'>;
  /** Disks to destroy after the VM (empty when the person keeps them). */
  disks?: Ref<'VDI'>[];
  /** The host is enabled: disable and evacuate it before the reboot or shutdown. */
  enterMaintenanceFirst?: boolean;
}

export interface ObjectAction<C extends ActionClass = ActionClass> {
  /** Stable id: 'start', 'migrate', 'enterMaintenance', … */
  id: string;
  cls: C;
  /** i18n key in the `actions` namespace (`vm.start`); menus add "…" when `input` asks for more. */
  label: string;
  can(record: XapiRecord<C>, objects: PoolObjects): Verdict;
  input: ActionInput;
  /** Destructive or disruptive: a confirmation names the objects first. */
  confirm?: boolean;
  /** Offered when several objects are selected (run on each that allows it). */
  bulk?: boolean;
  /** Menus and toolbars draw a separator before it, grouping related actions as XenCenter does. */
  startsGroup?: boolean;
  /** Runs on one object; resolves when the work has ended, rejects with the XapiError it met. */
  run(poolId: string, ref: string, args: ActionArgs): Promise<void>;
}

export type VmAction = ObjectAction<'VM'>;
export type HostAction = ObjectAction<'host'>;
