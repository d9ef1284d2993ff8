/**
 * New graph / Edit graph: a name and the data sources to draw, picked from every
 * source the object has (source-options.ts), with a filter for hosts' long lists.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { ModalDialog } from '../../components/modal-dialog';
import type { DesignedGraph } from './graph-layout';
import { sourceLabel } from './source-label';
import type { SourceOption } from './source-options';

interface Props {
  /** The graph being edited, with its title; undefined for a new graph. */
  editing: { graph: DesignedGraph; title: string } | undefined;
  /** Undefined while the object's data sources load. */
  options: readonly SourceOption[] | undefined;
  onSave: (graph: DesignedGraph, record: string[]) => void;
  onClose: () => void;
}

export function GraphEditor({ editing, options, onSave, onClose }: Props) {
  const { t } = useTranslation('performance');
  const nameId = useId();
  const hintId = useId();
  const filterId = useId();
  const [name, setName] = useState(editing?.graph.name ?? '');
  const [chosen, setChosen] = useState<readonly string[]>(editing?.graph.sources ?? []);
  const [filter, setFilter] = useState('');

  const labelled = (options ?? []).map((option) => ({
    ...option,
    label: sourceLabel(t, option.name, option.description),
  }));
  const needle = filter.trim().toLowerCase();
  const shown = labelled.filter(
    (o) => needle === '' || o.label.toLowerCase().includes(needle) || o.name.toLowerCase().includes(needle),
  );
  const toggle = (source: string, on: boolean) =>
    setChosen((current) => (on ? [...current, source] : current.filter((s) => s !== source)));
  const save = () => {
    if (chosen.length === 0) return;
    const record = labelled.filter((o) => !o.recorded && chosen.includes(o.name)).map((o) => o.name);
    onSave({ name: name.trim(), sources: chosen }, record);
  };

  return (
    <ModalDialog
      title={editing ? t('editor.editTitle', { graph: editing.title }) : t('editor.newTitle')}
      className="graph-editor"
      onClose={onClose}
      onSubmit={save}
      footer={
        <>
          <Button onClick={onClose}>{t('editor.cancel')}</Button>
          <Button
            type="submit"
            variant="primary"
            disabledReason={chosen.length === 0 ? t('editor.chooseOne') : undefined}
          >
            {t('editor.save')}
          </Button>
        </>
      }
    >
      <label className="field" htmlFor={nameId}>
        {t('editor.name')}
      </label>
      <input
        id={nameId}
        className="field-input"
        value={name}
        aria-describedby={hintId}
        onChange={(event) => setName(event.target.value)}
        // biome-ignore lint/a11y/noAutofocus: the dialog opens to design this graph
        autoFocus
      />
      <p id={hintId} className="field-hint">
        {t('editor.nameHint')}
      </p>
      <label className="field" htmlFor={filterId}>
        {t('editor.filter')}
      </label>
      <input
        id={filterId}
        type="search"
        className="field-input"
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
      />
      <fieldset className="source-list">
        <legend>{t('editor.sources')}</legend>
        {options === undefined ? (
          <p role="status">{t('editor.loadingSources')}</p>
        ) : (
          shown.map((option) => (
            <label key={option.name} className="checkbox">
              <input
                type="checkbox"
                checked={chosen.includes(option.name)}
                onChange={(event) => toggle(option.name, event.target.checked)}
              />
              <span>{option.label}</span>
              {option.label !== option.name && <code>{option.name}</code>}
              {!option.recorded && <span className="source-note">({t('editor.notRecorded')})</span>}
            </label>
          ))
        )}
      </fieldset>
    </ModalDialog>
  );
}
