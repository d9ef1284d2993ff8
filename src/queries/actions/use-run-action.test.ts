import { describe, expect, it, vi } from 'vitest';
import type { ObjectAction } from './action';
import { ActionFailure, runOnTargets } from './use-run-action';

const action = (run: ObjectAction['run']): ObjectAction =>
  ({ id: 'start', cls: 'VM', label: 'vm.start', input: 'none', can: () => ({ enabled: true }), run }) as ObjectAction;

describe('runOnTargets', () => {
  it('runs on every target at once, with the arguments given', async () => {
    const run = vi.fn().mockResolvedValue(undefined);
    await runOnTargets({
      action: action(run),
      targets: [
        { poolId: 'p', ref: 'OpaqueRef:a' },
        { poolId: 'p', ref: 'OpaqueRef:b' },
      ],
      args: { name: 'copy' },
    });
    expect(run.mock.calls).toEqual([
      ['p', 'OpaqueRef:a', { name: 'copy' }],
      ['p', 'OpaqueRef:b', { name: 'copy' }],
    ]);
  });

  it('reports every target that failed, not just the first, after the others have run', async () => {
    const boom = new Error('boom');
    const run = vi.fn(async (_pool: string, ref: string) => {
      if (ref !== 'OpaqueRef:ok') throw boom;
    });
    const targets = ['OpaqueRef:x', 'OpaqueRef:ok', 'OpaqueRef:y'].map((ref) => ({ poolId: 'p', ref }));
    const failure = await runOnTargets({ action: action(run), targets }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ActionFailure);
    expect((failure as ActionFailure).failures.map((f) => f.target.ref)).toEqual(['OpaqueRef:x', 'OpaqueRef:y']);
    expect(run).toHaveBeenCalledTimes(3);
  });
});
