/**
 * The menu items of a set of actions for the objects selected, for ActionMenu or a
 * toolbar. With several objects only bulk actions are offered, each enabled when at
 * least one object allows it and run on those that do (as XenCenter's commands on a
 * multiple selection). A disabled item carries the reason of the first object.
 */
import type { TFunction } from 'i18next';
import type { ActionTarget, ObjectAction, PoolObjects } from '../../queries/actions/action';
import { denied, type Verdict } from '../../xapi/rules/verdict';
import type { ActionMenuItem } from '../action-menu';
import { denialText } from './denial-text';

/** "Migrate to host…": the ellipsis says a dialog asks for more before anything happens. */
export const actionLabel = (t: TFunction, action: ObjectAction) =>
  `${t(action.label, { ns: 'actions' })}${action.input === 'none' ? '' : '…'}`;

export function actionMenuItems(
  t: TFunction,
  actions: readonly ObjectAction[],
  targets: readonly ActionTarget[],
  objectsOf: (poolId: string) => PoolObjects,
  launch: (action: ObjectAction, targets: readonly ActionTarget[]) => void,
): ActionMenuItem[] {
  const offered = targets.length > 1 ? actions.filter((action) => action.bulk) : actions;
  return offered.map((action) => {
    const verdicts = targets.map((target) => verdictOn(action, target, objectsOf(target.poolId)));
    const able = targets.filter((_, i) => verdicts[i].enabled);
    const firstDenial = verdicts.find((v) => !v.enabled);
    let disabledReason: string | undefined;
    if (able.length === 0 && firstDenial && !firstDenial.enabled) disabledReason = denialText(t, firstDenial.reason);
    else if (action.input !== 'none' && new Set(able.map((target) => target.poolId)).size > 1) {
      // A host or storage belongs to one pool: one dialog cannot serve two.
      disabledReason = t('reason.severalPools', { ns: 'actions' });
    }
    return {
      id: action.id,
      label: actionLabel(t, action),
      disabledReason,
      separatorBefore: action.startsGroup,
      onSelect: () => launch(action, able),
    };
  });
}

function verdictOn(action: ObjectAction, target: ActionTarget, objects: PoolObjects): Verdict {
  const record = objects[action.cls]?.[target.ref];
  // The object went away while the menu was being built (deleted by someone else).
  if (!record) return denied({ code: 'not-allowed' });
  return (action.can as (record: unknown, objects: PoolObjects) => Verdict)(record, objects);
}
