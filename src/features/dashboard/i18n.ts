/** Strings of the pool and host dashboards (namespace `dashboard`). */
export const dashboardStrings = {
  en: {
    loading: 'Loading the dashboard…',
    poolTitle: 'Pool dashboard',
    hostTitle: 'Host dashboard',
    hosts: {
      title: 'CPU and memory use',
      host: 'Host',
      cpu: 'CPU',
      memory: 'Memory',
      memoryUsed: '{{used}} of {{total}}',
      noData: 'No figures yet',
      loadFailed: 'Its performance data could not be loaded.',
      updated: 'Averages of the last 5 seconds, refreshed every {{seconds}} seconds.',
    },
    top: {
      cpu: 'Top VMs by CPU',
      memory: 'Top VMs by memory',
      none: 'No running VMs.',
    },
    power: {
      title: 'VMs by power state',
      count_one: '{{count}} VM',
      count_other: '{{count}} VMs',
    },
    storage: {
      title: 'Storage use',
      usedOf: '{{used}} used of {{size}}',
      none: 'No storage.',
    },
    alerts: {
      title: 'Recent alerts',
      none: 'No alerts.',
      all: 'All alerts',
    },
  },
  zh: {
    loading: '正在加载仪表板…',
    poolTitle: '池仪表板',
    hostTitle: '主机仪表板',
    hosts: {
      title: 'CPU 和内存使用情况',
      host: '主机',
      cpu: 'CPU',
      memory: '内存',
      memoryUsed: '{{used}}，共 {{total}}',
      noData: '暂无数据',
      loadFailed: '无法加载其性能数据。',
      updated: '最近 5 秒的平均值，每 {{seconds}} 秒刷新一次。',
    },
    top: {
      cpu: 'CPU 占用最高的虚拟机',
      memory: '内存占用最高的虚拟机',
      none: '没有正在运行的虚拟机。',
    },
    power: {
      title: '按电源状态统计虚拟机',
      count_other: '{{count}} 台虚拟机',
    },
    storage: {
      title: '存储使用情况',
      usedOf: '已用 {{used}}，共 {{size}}',
      none: '没有存储。',
    },
    alerts: {
      title: '最近的警报',
      none: '没有警报。',
      all: '所有警报',
    },
  },
};
