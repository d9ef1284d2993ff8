/** Words for spans of time (namespace `format`). */
export const formatStrings = {
  en: {
    days_one: '{{count}} day',
    days_other: '{{count}} days',
    hours_one: '{{count}} hour',
    hours_other: '{{count}} hours',
    minutes_one: '{{count}} minute',
    minutes_other: '{{count}} minutes',
    seconds_one: '{{count}} second',
    seconds_other: '{{count}} seconds',
    unitSeparator: ', ',
  },
  zh: {
    days_other: '{{count}} 天',
    hours_other: '{{count}} 小时',
    minutes_other: '{{count}} 分钟',
    seconds_other: '{{count}} 秒',
    unitSeparator: ' ',
  },
};
