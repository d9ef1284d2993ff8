import { useTranslation } from 'react-i18next';
import type { PageClass } from '../object-kind';
import { CopyableText } from './copyable-text';
import { EditableText } from './editable-text';
import { Property } from './property';
import { TagEditor } from './tag-editor';
import { useSetText } from './use-object-edits';

interface Props {
  poolId: string;
  cls: PageClass;
  objectRef: string;
  record: { uuid: string; name_description: string; tags: string[] };
}

/** Description, tags and UUID: the rows every General tab starts with. */
export function IdentityProperties({ poolId, cls, objectRef, record }: Props) {
  const { t } = useTranslation('objectPages');
  const saveDescription = useSetText(poolId, cls, objectRef, 'name_description');
  return (
    <>
      <Property label={t('fields.description')}>
        <EditableText
          label={t('fields.description')}
          value={record.name_description}
          emptyText={t('editable.noDescription')}
          save={saveDescription}
        />
      </Property>
      <Property label={t('fields.tags')}>
        <TagEditor poolId={poolId} cls={cls} objectRef={objectRef} tags={record.tags} />
      </Property>
      <Property label={t('fields.uuid')}>
        <CopyableText text={record.uuid} label={t('fields.uuid')} />
      </Property>
    </>
  );
}
