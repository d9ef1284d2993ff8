/** The app shell's own strings. */
export const appStrings = {
  en: {
    title: 'Xenith',
    language: 'Language',
    connect: 'Connect',
    loading: 'Loading…',
  },
  zh: {
    title: 'Xenith',
    language: '语言',
    connect: '连接',
    loading: '正在加载…',
  },
};
