import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { denialText } from '../../../components/actions/denial-text';
import { Button } from '../../../components/button';
import { ModalDialog } from '../../../components/modal-dialog';
import { useMirror } from '../../../store/mirror-store';
import type { Ref } from '../../../xapi/model/types';
import { ALLOWED } from '../../../xapi/rules/verdict';
import { useApplyChange } from '../use-apply';
import { applyBlocker } from '../vm/apply-blocker';
import { applyMemoryChange, type MemoryChange } from '../vm/apply-memory';
import { MemoryChecksList } from '../vm/memory-checks-list';
import { draftFrom, type MemoryDraft } from '../vm/memory-draft';
import { RangeFields } from '../vm/range-fields';
import { bulkMembers } from './bulk-members';
import { type BulkMemoryRequest, bulkMemory, useBulkMemoryRequest } from './bulk-memory-store';
import { bulkChecks, memberPlans } from './bulk-plan';
import { bulkProblemText } from './bulk-problem-text';

/** The bulk memory editor, when the tree's "Edit memory…" has opened it; src/app renders it once. */
export function BulkMemoryDialog() {
  const request = useBulkMemoryRequest((state) => state.request);
  if (!request) return null;
  return <BulkMemoryEditor key={`${request.poolId} ${request.refs.join(',')}`} request={request} />;
}

/**
 * One range for several VMs with the same memory settings, with the same slider,
 * fields and rules as a VM's Memory tab, checked against each VM and each host they
 * run on. Running VMs whose static maximum changes restart on their hosts, and the
 * button says so before anything is sent.
 */
function BulkMemoryEditor({ request }: { request: BulkMemoryRequest }) {
  const { t } = useTranslation('memory');
  const checksId = useId();
  const objects = useMirror((state) => state.pools[request.poolId]?.objects);
  const verdict = useMemo(() => bulkMembers(objects, request.refs), [objects, request.refs]);
  const [draft, setDraft] = useState<MemoryDraft | null>(() => (verdict.ok ? draftFrom(verdict.limits) : null));
  const { apply } = useApplyChange();
  const close = () => bulkMemory.close();

  if (!verdict.ok || !draft || !objects) {
    return (
      <ModalDialog
        title={t('bulk.title', { count: request.refs.length })}
        onClose={close}
        onSubmit={close}
        footer={<Button type="submit">{t('bulk.close')}</Button>}
      >
        <p>{verdict.ok ? t('bulk.problem.missing') : bulkProblemText(t, verdict.problem)}</p>
      </ModalDialog>
    );
  }

  const plans = memberPlans(verdict.members, draft);
  const checks = bulkChecks(objects, verdict.pool, plans, draft);
  const denied = plans.find((plan) => plan.plan !== 'none' && !plan.verdict.enabled);
  const restarting = plans.filter((plan) => plan.plan === 'restart');
  let blocker = applyBlocker(t, {
    changed: plans.some((plan) => plan.plan !== 'none'),
    pending: false,
    verdict: ALLOWED,
    checks,
  });
  if (!blocker && denied && !denied.verdict.enabled) {
    blocker = `${denied.member.vm.name_label}: ${denialText(t, denied.verdict.reason)}`;
  }
  const names = verdict.members.map((member) => member.vm.name_label);

  const send = () => {
    if (blocker) return;
    const changes = new Map<string, MemoryChange>();
    for (const plan of plans) if (plan.change) changes.set(plan.member.ref, plan.change);
    const targets = [...changes.keys()].map((ref) => ({ poolId: request.poolId, ref }));
    apply('memory:action.changeMemory', targets, (poolId, ref) => {
      const change = changes.get(ref);
      return change ? applyMemoryChange(poolId, ref as Ref<'VM'>, change) : Promise.resolve();
    });
    close();
  };

  return (
    <ModalDialog
      title={t('bulk.title', { count: names.length })}
      className="memory-bulk-dialog"
      onClose={close}
      onSubmit={send}
      footer={
        <>
          <Button onClick={close}>{t('bulk.cancel')}</Button>
          <Button type="submit" variant="primary" disabledReason={blocker}>
            {restarting.length > 0 ? t('bulk.restartAndApply', { count: restarting.length }) : t('apply.label')}
          </Button>
        </>
      }
    >
      <p>{t('bulk.vms', { names: names.join(', ') })}</p>
      <div className="memory-editor">
        <RangeFields draft={draft} onChange={setDraft} checksId={checksId} />
        <MemoryChecksList id={checksId} checks={checks} />
        {restarting.length > 0 && (
          <p className="memory-note">
            {t('bulk.restartNote', { names: restarting.map((plan) => plan.member.vm.name_label).join(', ') })}
          </p>
        )}
      </div>
    </ModalDialog>
  );
}
