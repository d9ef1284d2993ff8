import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language, setLanguage } from './i18n';

/** English or 简体中文, each named in its own language; the choice persists. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation('app');
  const id = useId();
  return (
    <div className="language-switch">
      <label htmlFor={id}>{t('language')}</label>
      <select id={id} value={i18n.language} onChange={(event) => setLanguage(event.target.value as Language)}>
        {LANGUAGES.map(({ code, label }) => (
          <option key={code} value={code} lang={code}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}
