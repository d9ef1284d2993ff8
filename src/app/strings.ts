/** The app shell's own strings (namespace `app`). */
export const appStrings = {
  en: {
    title: 'Xenith',
    tagline: 'Xen pools in the browser',
    language: 'Language',
    connect: 'Connect…',
    notifications: 'Notifications',
    skipToContent: 'Skip to the main content',
    loading: 'Loading…',
    home: {
      welcome: 'Welcome to Xenith',
      intro:
        'Manage XenServer and XCP-ng pools from the browser, as in XenCenter: connect to a pool, see every host and VM at once, and act on them.',
      firstStep: 'Start with the built-in simulator: a demo pool that runs right here, with nothing to install.',
      chooseObject: 'Choose a pool, host or VM in the tree to see it here.',
    },
  },
  zh: {
    title: 'Xenith',
    tagline: '浏览器中的 Xen 池管理',
    language: '语言',
    connect: '连接…',
    notifications: '通知',
    skipToContent: '跳到主要内容',
    loading: '正在加载…',
    home: {
      welcome: '欢迎使用 Xenith',
      intro:
        '像使用 XenCenter 一样在浏览器中管理 XenServer 和 XCP-ng 池：连接到池，一览所有主机和虚拟机，并对其进行操作。',
      firstStep: '可以先从内置模拟器开始：这是一个直接在此运行的演示池，无需安装任何软件。',
      chooseObject: '在左侧树中选择池、主机或虚拟机，即可在此处查看其详细信息。',
    },
  },
};
