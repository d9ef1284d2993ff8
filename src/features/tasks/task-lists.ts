/**
 * A pool's top-level tasks split into running (newest first) and ended (most recently
 * ended first). Derived once per version of the task table: a batch that touches tasks
 * replaces the table, so every component reading one version shares one pass, and a
 * task's sort time is parsed once per version of its record, not on every comparison.
 */
import type { ClassTable } from '../../store/mirror-store';
import { parseXapiDateTime } from '../../xapi/datetime';
import type { XapiRecord } from '../../xapi/model/types';
import { NULL_REF } from '../../xapi/refs';
import { isRunning } from './task-state';

export interface TaskLists {
  running: readonly string[];
  ended: readonly string[];
}

type Task = XapiRecord<'task'>;

const EMPTY: TaskLists = { running: [], ended: [] };
const lists = new WeakMap<ClassTable<'task'>, TaskLists>();
/** A running task sorts by when it was created, an ended one by when it ended. */
const sortTimes = new WeakMap<Task, number>();

function sortTime(task: Task): number {
  let time = sortTimes.get(task);
  if (time === undefined) {
    time = parseXapiDateTime(isRunning(task) ? task.created : task.finished) ?? 0;
    sortTimes.set(task, time);
  }
  return time;
}

const newestFirst = (a: [string, number], b: [string, number]) => b[1] - a[1];

export function taskLists(table: ClassTable<'task'> | undefined): TaskLists {
  if (!table) return EMPTY;
  let found = lists.get(table);
  if (!found) {
    const running: [string, number][] = [];
    const ended: [string, number][] = [];
    for (const [ref, task] of Object.entries(table)) {
      // Subtasks are steps of a task already listed.
      if (task.subtask_of !== NULL_REF) continue;
      (isRunning(task) ? running : ended).push([ref, sortTime(task)]);
    }
    found = {
      running: running.sort(newestFirst).map(([ref]) => ref),
      ended: ended.sort(newestFirst).map(([ref]) => ref),
    };
    lists.set(table, found);
  }
  return found;
}
