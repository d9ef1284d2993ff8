/** Strings of the Memory tabs and the memory editors (namespace `memory`). */
export const memoryStrings = {
  en: {
    loading: 'Loading…',
    heading: 'Memory',
    field: {
      staticMin: 'Static minimum',
      dynamicMin: 'Dynamic minimum',
      dynamicMax: 'Dynamic maximum',
      staticMax: 'Static maximum',
      fixed: 'Memory',
      staticMinIs: 'Static minimum: {{memory}}',
      unit: 'Unit of {{field}}',
    },
    check: {
      label: 'Memory rules',
      metPrefix: 'Met: ',
      unmetPrefix: 'Not met: ',
      input: {
        empty: '{{field}}: enter a size, such as 1.5 GiB or 512 MiB.',
        notANumber: '{{field}} is not a size: type a number, such as 1.5 GiB or 512 MiB.',
        notPositive: '{{field}} must be more than 0.',
      },
      order: {
        met: 'In order: static minimum {{staticMin}} ≤ dynamic minimum {{dynamicMin}} ≤ dynamic maximum {{dynamicMax}} ≤ static maximum {{staticMax}}.',
        staticMaxBelowStaticMin: 'The static maximum ({{staticMax}}) is below the static minimum ({{staticMin}}).',
        dynamicMinBelowStaticMin: 'The dynamic minimum ({{dynamicMin}}) is below the static minimum ({{staticMin}}).',
        dynamicMaxBelowDynamicMin:
          'The dynamic minimum ({{dynamicMin}}) is more than the dynamic maximum ({{dynamicMax}}).',
        staticMaxBelowDynamicMax:
          'The dynamic maximum ({{dynamicMax}}) is more than the static maximum ({{staticMax}}).',
      },
      ratio: {
        met: 'The dynamic minimum is at least {{percent}} of the static maximum ({{minimum}} or more), as this pool requires.',
        unmet:
          'The dynamic minimum must be at least {{minimum}}: this pool keeps it at {{percent}} or more of the static maximum ({{staticMax}}).',
      },
      headroom: {
        met: '{{host}} can hold a dynamic minimum of up to {{highest}} for this VM: what is left after Xen, the control domain and every other VM’s dynamic minimum.',
        unmet:
          '{{host}} cannot reserve a dynamic minimum of {{dynamicMin}}: at most {{highest}} is left for this VM after Xen, the control domain and every other VM’s dynamic minimum.',
        metMany:
          '{{host}} can hold a dynamic minimum of up to {{highest}} for each of the {{count}} selected VMs on it.',
        unmetMany:
          '{{host}} cannot reserve a dynamic minimum of {{dynamicMin}} for each of the {{count}} selected VMs on it: at most {{highest}} each is left.',
      },
      restartFit: {
        met: 'After the restart the VM needs {{needed}} on {{host}}, which has {{available}} for it.',
        unmet:
          'After the restart the VM would need {{needed}} on {{host}}, but only {{available}} would be free: it could not start again.',
        metMany: 'After the restart the {{count}} selected VMs on {{host}} need {{needed}}, and it has {{available}}.',
        unmetMany:
          'After the restart the {{count}} selected VMs on {{host}} would need {{needed}}, but only {{available}} would be free: they could not all start again.',
      },
    },
    apply: {
      label: 'Apply',
      reset: 'Reset',
      pending: 'Applying…',
      noChanges: 'Nothing has changed yet',
    },
    note: {
      halted: 'The range takes effect when the VM runs with a balloon driver (its guest tools).',
      restart:
        'A running VM takes a new static maximum only by restarting: Apply shuts it down, changes its memory and starts it again on {{host}}.',
    },
    host: {
      sectionLabel: 'Memory of {{host}}',
      heading: 'Memory of {{host}}',
      headingPreview: 'Memory of {{host}}, after the change',
      vmsHeading: 'Virtual machines',
      noVms: 'No VMs are running on this host.',
      columns: {
        name: 'Name',
        actual: 'Memory now',
        range: 'Dynamic range',
        staticMax: 'Static maximum',
        marker: 'Range, memory now and target',
      },
    },
    pool: { heading: 'Memory of every host' },
    restart: {
      title: 'Restart {{name}} to change its memory?',
      confirm: 'Restart and apply',
      confirmForced: 'Force off, apply and restart',
      why: 'XAPI changes a VM’s static memory only while it is shut down, so:',
      stepShutdown: '{{name}} shuts down cleanly,',
      stepForceOff: '{{name}} is forced off,',
      stepApply: 'its new memory settings are applied,',
      stepStart: 'it starts again on {{host}}.',
      ifRefused: 'If the new settings are refused, it still starts again, with its old ones.',
      forcedWarning:
        'Its guest tools are not running, so it cannot shut itself down: forcing it off is like pulling the power cord, and any unsaved work in it is lost.',
    },
    bar: {
      label: 'Memory of {{host}}',
      labelPreview: 'Memory of {{host}}, after the change',
      xen: 'Xen',
      controlDomain: 'Control domain',
      free: 'Free',
      actual: 'Memory now',
      range: 'Dynamic range',
      settles: 'After the change (about)',
      separator: ': ',
    },
    figures: {
      total: 'Total',
      used: 'Used',
      available: 'Available',
      overcommit: 'Overcommit',
      after: '{{now}} → {{next}} after the change',
    },
    balloon: {
      heading: 'Balloon',
      target: 'Target',
      actual: 'Actual',
      state: 'State',
      settled: 'At its target',
      moving: 'Moving towards its target',
      chartLabel: 'Target and actual memory over the last minutes',
      loadingChart: 'Loading the chart…',
      secondsAgo: '{{count}} s ago',
    },
    vcpu: {
      heading: 'vCPUs',
      running: '{{count}} of {{max}} vCPUs running.',
      configured: '{{count}} vCPUs at startup, {{max}} at most.',
      liveLabel: 'Number of vCPUs',
      countOf: '{{count}} of {{max}}',
      max: 'Maximum vCPUs',
      atStartup: 'vCPUs at startup',
      reason: {
        licence: 'The pool’s licence does not include changing vCPUs while a VM runs.',
        lacksHotplug:
          'The guest cannot take vCPUs while it runs: it has no PV drivers and has not said it supports vCPU hotplug.',
      },
      problem: {
        notWhole: '{{field}} must be a whole number.',
        belowOne: '{{field}} must be at least 1.',
        aboveMax: '{{field}} cannot be more than the maximum, {{max}}.',
      },
    },
    unavailable: {
      snapshot: 'A snapshot’s memory cannot be changed.',
      controlDomain: 'This is a host’s control domain: its memory is fixed, and set on the host itself.',
      dmcDisabled: 'The pool’s licence does not include dynamic memory, so the VM has one fixed memory size.',
      nestedVirt: 'The VM uses nested virtualisation, which needs one fixed memory size.',
      noBalloonDriver:
        'The guest has no balloon driver running (its guest tools are not installed or not running), so its memory cannot change while it runs. Set one fixed size instead: the VM restarts to take it.',
    },
    bulk: {
      menuItem: 'Edit memory…',
      title_one: 'Edit the memory of {{count}} VM',
      title_other: 'Edit the memory of {{count}} VMs',
      vms: 'VMs: {{names}}',
      cancel: 'Cancel',
      close: 'Close',
      restartAndApply_one: 'Restart {{count}} VM and apply',
      restartAndApply_other: 'Restart {{count}} VMs and apply',
      restartNote:
        'A running VM takes a new static maximum only by restarting. These shut down cleanly, take the new settings and start again on their own hosts: {{names}}. One whose new settings are refused starts again with its old ones.',
      problem: {
        missing: 'The selected VMs are no longer all in the pool.',
        differentSettings:
          'The selected VMs have different memory settings: choose VMs with the same settings, or edit them one at a time.',
        notEditable: 'The memory range of {{name}} cannot be edited: see its Memory tab.',
      },
    },
    action: {
      changeMemory: 'Change memory',
      changeVcpus: 'Change vCPUs',
    },
  },
  zh: {
    loading: '正在加载…',
    heading: '内存',
    field: {
      staticMin: '静态最小值',
      dynamicMin: '动态最小值',
      dynamicMax: '动态最大值',
      staticMax: '静态最大值',
      fixed: '内存',
      staticMinIs: '静态最小值：{{memory}}',
      unit: '{{field}}的单位',
    },
    check: {
      label: '内存规则',
      metPrefix: '满足：',
      unmetPrefix: '不满足：',
      input: {
        empty: '{{field}}：请输入大小，例如 1.5 GiB 或 512 MiB。',
        notANumber: '{{field}}不是有效的大小：请输入数字，例如 1.5 GiB 或 512 MiB。',
        notPositive: '{{field}}必须大于 0。',
      },
      order: {
        met: '顺序正确：静态最小值 {{staticMin}} ≤ 动态最小值 {{dynamicMin}} ≤ 动态最大值 {{dynamicMax}} ≤ 静态最大值 {{staticMax}}。',
        staticMaxBelowStaticMin: '静态最大值（{{staticMax}}）低于静态最小值（{{staticMin}}）。',
        dynamicMinBelowStaticMin: '动态最小值（{{dynamicMin}}）低于静态最小值（{{staticMin}}）。',
        dynamicMaxBelowDynamicMin: '动态最小值（{{dynamicMin}}）大于动态最大值（{{dynamicMax}}）。',
        staticMaxBelowDynamicMax: '动态最大值（{{dynamicMax}}）大于静态最大值（{{staticMax}}）。',
      },
      ratio: {
        met: '动态最小值不低于静态最大值的 {{percent}}（{{minimum}} 或以上），符合此池的要求。',
        unmet: '动态最小值至少应为 {{minimum}}：此池要求它不低于静态最大值（{{staticMax}}）的 {{percent}}。',
      },
      headroom: {
        met: '{{host}} 最多可为此虚拟机保留 {{highest}} 的动态最小值：即扣除 Xen、控制域和其他所有虚拟机的动态最小值后剩余的内存。',
        unmet:
          '{{host}} 无法保留 {{dynamicMin}} 的动态最小值：扣除 Xen、控制域和其他所有虚拟机的动态最小值后，最多只剩 {{highest}} 可供此虚拟机使用。',
        metMany: '{{host}} 可为其上选中的 {{count}} 台虚拟机各保留最多 {{highest}} 的动态最小值。',
        unmetMany:
          '{{host}} 无法为其上选中的 {{count}} 台虚拟机各保留 {{dynamicMin}} 的动态最小值：每台最多只剩 {{highest}}。',
      },
      restartFit: {
        met: '重新启动后，此虚拟机在 {{host}} 上需要 {{needed}}，该主机可为其提供 {{available}}。',
        unmet: '重新启动后，此虚拟机在 {{host}} 上需要 {{needed}}，但届时只有 {{available}} 可用：它将无法再次启动。',
        metMany: '重新启动后，{{host}} 上选中的 {{count}} 台虚拟机共需 {{needed}}，该主机有 {{available}}。',
        unmetMany:
          '重新启动后，{{host}} 上选中的 {{count}} 台虚拟机共需 {{needed}}，但届时只有 {{available}} 可用：它们无法全部再次启动。',
      },
    },
    apply: {
      label: '应用',
      reset: '重置',
      pending: '正在应用…',
      noChanges: '尚未做任何更改',
    },
    note: {
      halted: '当虚拟机带着气球驱动程序（客户机工具）运行时，此范围才会生效。',
      restart:
        '正在运行的虚拟机只有重新启动才能采用新的静态最大值：“应用”会将其关机、更改内存，然后在 {{host}} 上再次启动。',
    },
    host: {
      sectionLabel: '{{host}} 的内存',
      heading: '{{host}} 的内存',
      headingPreview: '{{host}} 的内存（更改后）',
      vmsHeading: '虚拟机',
      noVms: '此主机上没有正在运行的虚拟机。',
      columns: {
        name: '名称',
        actual: '当前内存',
        range: '动态范围',
        staticMax: '静态最大值',
        marker: '范围、当前内存和目标',
      },
    },
    pool: { heading: '所有主机的内存' },
    restart: {
      title: '要重新启动 {{name}} 以更改其内存吗？',
      confirm: '重新启动并应用',
      confirmForced: '强制关机、应用并重新启动',
      why: 'XAPI 只能在虚拟机关机时更改其静态内存，因此将会：',
      stepShutdown: '{{name}} 正常关机，',
      stepForceOff: '{{name}} 被强制关机，',
      stepApply: '应用新的内存设置，',
      stepStart: '在 {{host}} 上再次启动。',
      ifRefused: '如果新设置被拒绝，它仍会以原来的设置再次启动。',
      forcedWarning: '其客户机工具未在运行，因此无法自行关机：强制关机如同拔掉电源线，其中未保存的工作将会丢失。',
    },
    bar: {
      label: '{{host}} 的内存',
      labelPreview: '{{host}} 的内存（更改后）',
      xen: 'Xen',
      controlDomain: '控制域',
      free: '可用',
      actual: '当前内存',
      range: '动态范围',
      settles: '更改后约为',
      separator: '：',
    },
    figures: {
      total: '总计',
      used: '已用',
      available: '可分配',
      overcommit: '超额分配',
      after: '{{now}} → 更改后 {{next}}',
    },
    balloon: {
      heading: '气球',
      target: '目标',
      actual: '实际',
      state: '状态',
      settled: '已达到目标',
      moving: '正在向目标移动',
      chartLabel: '最近几分钟的目标内存和实际内存',
      loadingChart: '正在加载图表…',
      secondsAgo: '{{count}} 秒前',
    },
    vcpu: {
      heading: 'vCPU',
      running: '正在运行 {{count}} 个 vCPU，最多 {{max}} 个。',
      configured: '启动时 {{count}} 个 vCPU，最多 {{max}} 个。',
      liveLabel: 'vCPU 数量',
      countOf: '{{count}} / {{max}}',
      max: '最大 vCPU 数',
      atStartup: '启动时的 vCPU 数',
      reason: {
        licence: '此池的许可证不支持在虚拟机运行时更改 vCPU。',
        lacksHotplug: '客户机无法在运行时添加 vCPU：它没有 PV 驱动程序，也未声明支持 vCPU 热插拔。',
      },
      problem: {
        notWhole: '{{field}}必须是整数。',
        belowOne: '{{field}}至少为 1。',
        aboveMax: '{{field}}不能超过最大值 {{max}}。',
      },
    },
    unavailable: {
      snapshot: '快照的内存无法更改。',
      controlDomain: '这是主机的控制域：其内存是固定的，需在主机上设置。',
      dmcDisabled: '此池的许可证不包含动态内存，因此该虚拟机只有一个固定的内存大小。',
      nestedVirt: '该虚拟机使用嵌套虚拟化，需要固定的内存大小。',
      noBalloonDriver:
        '客户机没有运行气球驱动程序（其客户机工具未安装或未运行），因此其内存无法在运行时更改。请改为设置一个固定大小：虚拟机将重新启动以采用该大小。',
    },
    bulk: {
      menuItem: '编辑内存…',
      title_other: '编辑 {{count}} 台虚拟机的内存',
      vms: '虚拟机：{{names}}',
      cancel: '取消',
      close: '关闭',
      restartAndApply_other: '重新启动 {{count}} 台虚拟机并应用',
      restartNote:
        '正在运行的虚拟机只有重新启动才能采用新的静态最大值。以下虚拟机将正常关机、采用新设置，并在各自的主机上再次启动：{{names}}。新设置被拒绝的虚拟机将以原来的设置再次启动。',
      problem: {
        missing: '所选虚拟机已不全在池中。',
        differentSettings: '所选虚拟机的内存设置不同：请选择设置相同的虚拟机，或逐台编辑。',
        notEditable: '无法编辑 {{name}} 的内存范围：请查看其“内存”选项卡。',
      },
    },
    action: {
      changeMemory: '更改内存',
      changeVcpus: '更改 vCPU',
    },
  },
};
