import { type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { XapiErrorText } from '../../../components/errors/xapi-error-text';
import type { PageClass } from '../object-kind';
import { useTagEdits } from './use-object-edits';

interface Props {
  poolId: string;
  cls: PageClass;
  objectRef: string;
  tags: readonly string[];
}

/**
 * Tags as removable chips and an "Add tag" field (Enter adds, Escape cancels). Each
 * change is one add_tags / remove_tags call, so two people tagging at once do not
 * overwrite each other as a whole-set write would.
 */
export function TagEditor({ poolId, cls, objectRef, tags }: Props) {
  const { t } = useTranslation('objectPages');
  const { add, remove } = useTagEdits(poolId, cls, objectRef);
  const [draft, setDraft] = useState<string | undefined>();

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      add.reset();
      setDraft(undefined);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const tag = (draft ?? '').trim();
      if (tag === '' || tags.includes(tag)) return setDraft(undefined);
      add.mutate(tag, { onSuccess: () => setDraft(undefined) });
    }
  };
  const error = add.error ?? remove.error;

  return (
    <div className="tag-editor">
      <ul className="tags" aria-label={t('fields.tags')}>
        {tags.map((tag) => (
          <li key={tag} className="tag">
            {tag}
            <button
              type="button"
              aria-label={t('tags.remove', { tag })}
              disabled={remove.isPending}
              onClick={() => remove.mutate(tag)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      {draft === undefined ? (
        <button type="button" onClick={() => setDraft('')}>
          {t('tags.add')}
        </button>
      ) : (
        <input
          aria-label={t('tags.new')}
          value={draft}
          // biome-ignore lint/a11y/noAutofocus: the person just asked to add a tag
          autoFocus
          disabled={add.isPending}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
        />
      )}
      {error && (
        <span role="alert" className="edit-error">
          <XapiErrorText error={error} />
        </span>
      )}
    </div>
  );
}
