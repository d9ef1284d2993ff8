/**
 * A task's name in words. XAPI labels a call's task with the method ("Async.VM.start",
 * or "VM.start" for a synchronous call); the words live under `names.<class>.<method>`
 * in the tasks namespace. Other labels (tasks made with task.create, xapi's own) are
 * already words and show as they are.
 */
const METHOD = /^(?:Async\.)?([A-Za-z_]+)\.([A-Za-z_]+)$/;

export interface TaskName {
  /** The i18n key, when the label is a method call. */
  key?: string;
  /** What to show when there are no words for it: the label as XAPI gave it. */
  label: string;
}

export function taskName(nameLabel: string): TaskName {
  const m = METHOD.exec(nameLabel);
  return m ? { key: `names.${m[1]}.${m[2]}`, label: nameLabel } : { label: nameLabel };
}
