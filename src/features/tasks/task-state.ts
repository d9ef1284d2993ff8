/** Whether a task is still working; cancelling counts, since it has not ended yet. */
import type { XapiRecord } from '../../xapi/model/types';

export const isRunning = (task: XapiRecord<'task'>) => task.status === 'pending' || task.status === 'cancelling';
