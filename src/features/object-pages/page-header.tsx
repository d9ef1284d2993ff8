import { useTranslation } from 'react-i18next';
import type { ObjectClass } from '../../app/routes';
import { useRecord } from '../../store/mirror-store';
import type { PageClass } from './object-kind';
import { ObjectToolbar } from './object-toolbar';
import { EditableText } from './shared/editable-text';
import { useSetText } from './shared/use-object-edits';

interface Props {
  poolId: string;
  cls: PageClass;
  routeClass: ObjectClass;
  objectRef: string;
}

/** The object's kind, its name (edited in place) and, for VMs and hosts, their actions. */
export function PageHeader({ poolId, cls, routeClass, objectRef }: Props) {
  const { t } = useTranslation('objectPages');
  const record = useRecord(poolId, cls, objectRef);
  const saveName = useSetText(poolId, cls, objectRef, 'name_label');
  if (!record) return null;
  return (
    <header className="object-header">
      <p className="object-kind">{t(`kind.${routeClass}`)}</p>
      <h1>
        <EditableText
          label={t('fields.name')}
          value={record.name_label}
          emptyText={t('editable.noName')}
          required
          save={saveName}
        />
      </h1>
      <ObjectToolbar poolId={poolId} cls={cls} objectRef={objectRef} />
    </header>
  );
}
