import { useMutationState, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ActionTarget } from '../../queries/actions/action';
import { ACTION_MUTATION_KEY, ActionFailure, type RunActionVariables } from '../../queries/actions/use-run-action';
import { useMirror } from '../../store/mirror-store';
import { Button } from '../button';
import { XapiErrorText } from '../errors/xapi-error-text';

/** The name of an object an action failed on, or its ref once it is gone. */
function TargetName({ target, cls }: { target: ActionTarget; cls: 'VM' | 'host' }) {
  const name = useMirror((state) => state.pools[target.poolId]?.objects[cls]?.[target.ref]?.name_label);
  return <strong>{name ?? target.ref}</strong>;
}

/**
 * Every action that failed, wherever it was started (tree menu, object page toolbar),
 * until dismissed: which action, on which object, and why in words. Rendered once by
 * the app shell; an alert, so a screen reader announces it.
 */
export function ActionFailures() {
  const { t } = useTranslation('actions');
  const queryClient = useQueryClient();
  const failed = useMutationState({
    filters: { mutationKey: ACTION_MUTATION_KEY, status: 'error' },
    select: (mutation) => ({
      id: mutation.mutationId,
      variables: mutation.state.variables as RunActionVariables,
      error: mutation.state.error,
    }),
  });
  const dismiss = (id: number) => {
    const cache = queryClient.getMutationCache();
    const mutation = cache.getAll().find((m) => m.mutationId === id);
    if (mutation) cache.remove(mutation);
  };
  if (failed.length === 0) return null;
  return (
    <section className="action-failures" aria-label={t('failures.region')}>
      {failed.map(({ id, variables, error }) => {
        const { action } = variables;
        const failures =
          error instanceof ActionFailure ? error.failures : variables.targets.map((target) => ({ target, error }));
        return (
          <div key={id} role="alert" className="action-failure">
            <div className="action-failure-heading">
              <span>{t('failures.heading', { action: t(action.label) })}</span>
              <Button onClick={() => dismiss(id)}>{t('failures.dismiss')}</Button>
            </div>
            <ul>
              {failures.map((failure) => (
                <li key={`${failure.target.poolId} ${failure.target.ref}`}>
                  <TargetName target={failure.target} cls={action.cls} />: <XapiErrorText error={failure.error} />
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
