import { describe, expect, it } from 'vitest';
import { taskName } from './task-name';

describe('taskName', () => {
  it('finds the words of an Async call and of a synchronous one under the same key', () => {
    expect(taskName('Async.VM.start')).toEqual({ key: 'names.VM.start', label: 'Async.VM.start' });
    expect(taskName('VM.clean_shutdown')).toEqual({ key: 'names.VM.clean_shutdown', label: 'VM.clean_shutdown' });
    expect(taskName('Async.host.evacuate').key).toBe('names.host.evacuate');
  });

  it('keeps a label that is already words', () => {
    expect(taskName('Host is rebooting')).toEqual({ label: 'Host is rebooting' });
    expect(taskName('backup of db-primary')).toEqual({ label: 'backup of db-primary' });
  });
});
