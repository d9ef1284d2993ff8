/**
 * One i18n layer for every visible string: English and Simplified Chinese. Each
 * feature keeps its strings in its own namespace (`src/features/<name>/i18n.ts`
 * exporting `{ en, zh }`), composed here. The chosen language persists.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { errorStrings } from '../components/errors/i18n';
import { formatStrings } from '../components/format/i18n';
import { connectStrings } from '../features/connect/i18n';
import { consoleStrings } from '../features/console/i18n';
import { dashboardStrings } from '../features/dashboard/i18n';
import { memoryStrings } from '../features/memory/i18n';
import { objectPagesStrings } from '../features/object-pages/i18n';
import { performanceStrings } from '../features/performance/i18n';
import { treeStrings } from '../features/resource-tree/i18n';
import { tasksStrings } from '../features/tasks/i18n';
import { actionStrings } from '../queries/actions/i18n';
import { appStrings } from './strings';

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'zh', label: '简体中文' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'xenith.language';

/** Namespace → strings per language. Add a feature's strings here. */
const NAMESPACES: Record<string, { en: Record<string, unknown>; zh: Record<string, unknown> }> = {
  app: appStrings,
  actions: actionStrings,
  connect: connectStrings,
  console: consoleStrings,
  dashboard: dashboardStrings,
  errors: errorStrings,
  format: formatStrings,
  memory: memoryStrings,
  objectPages: objectPagesStrings,
  performance: performanceStrings,
  tasks: tasksStrings,
  tree: treeStrings,
};

function initialLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'en' || saved === 'zh') return saved;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function initI18n(): void {
  const resources = {
    en: Object.fromEntries(Object.entries(NAMESPACES).map(([ns, s]) => [ns, s.en])),
    zh: Object.fromEntries(Object.entries(NAMESPACES).map(([ns, s]) => [ns, s.zh])),
  };
  void i18next.use(initReactI18next).init({
    resources,
    lng: initialLanguage(),
    fallbackLng: 'en',
    defaultNS: 'app',
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = i18next.language;
}

export function setLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  void i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
