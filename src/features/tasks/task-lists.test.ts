import { describe, expect, it } from 'vitest';
import type { ClassTable } from '../../store/mirror-store';
import { NULL_REF } from '../../xapi/refs';
import { taskLists } from './task-lists';

const NEVER = '19700101T00:00:00Z';
const task = (status: string, created: string, finished = NEVER, subtaskOf = NULL_REF) => ({
  status,
  created,
  finished,
  subtask_of: subtaskOf,
});

const table = {
  'OpaqueRef:old-run': task('pending', '20260101T00:00:01Z'),
  'OpaqueRef:new-run': task('cancelling', '20260101T00:00:09Z'),
  'OpaqueRef:ended-first': task('success', '20260101T00:00:00Z', '20260101T00:00:05Z'),
  'OpaqueRef:ended-last': task('failure', '20260101T00:00:02Z', '20260101T00:00:08Z'),
  'OpaqueRef:step': task('pending', '20260101T00:00:10Z', NEVER, 'OpaqueRef:new-run'),
} as unknown as ClassTable<'task'>;

describe('taskLists', () => {
  it('lists top-level tasks: running newest first, then ended most recently ended first', () => {
    expect(taskLists(table)).toEqual({
      running: ['OpaqueRef:new-run', 'OpaqueRef:old-run'],
      ended: ['OpaqueRef:ended-last', 'OpaqueRef:ended-first'],
    });
  });

  it('derives one version of the table once, and a new version afresh', () => {
    expect(taskLists(table)).toBe(taskLists(table));
    const next = { ...table, 'OpaqueRef:old-run': task('success', '20260101T00:00:01Z', '20260101T00:00:09Z') };
    expect(taskLists(next as unknown as ClassTable<'task'>)).toEqual({
      running: ['OpaqueRef:new-run'],
      ended: ['OpaqueRef:old-run', 'OpaqueRef:ended-last', 'OpaqueRef:ended-first'],
    });
  });
});
