/** Strings of the connect screen (namespace `connect`). */
export const connectStrings = {
  en: {
    title: 'Connect to a pool',
    intro: 'Connect to the simulator built into this console, or to a real XenServer or XCP-ng pool.',
    target: 'Connect to',
    simulator: 'Built-in simulator',
    simulatorHint: 'A simulated pool that runs in this browser tab. Nothing real is touched.',
    pool: 'A real pool',
    poolHint: 'Through the console’s proxy: start it with npm run serve -- --pool https://ADDRESS.',
    scenario: 'Scenario',
    scenarios: {
      demo: 'Demo: 3 hosts and 17 VMs in every power state',
      large: 'Large: 64 hosts and 5,000 VMs',
    },
    address: 'Pool master address',
    addressPlaceholder: 'xcp-master.example.com or 10.0.0.10:443',
    addressRequired: 'Enter the address of the pool master',
    user: 'User name',
    password: 'Password',
    connect: 'Connect',
    connecting: 'Connecting…',
    loadingPool: 'Connected. Loading the pool…',
    cancel: 'Cancel',
    failed: 'Could not connect',
    errors: {
      wrongPassword: 'The user name or password is incorrect.',
      poolMember:
        '{{address}} is a member of a pool whose master is {{master}}. Connect to the master’s address instead.',
      masterFailed:
        '{{address}} is a member of a pool, so the console connected to its master, {{master}}, instead. That failed too:',
      notProxied:
        'The console’s proxy does not serve {{address}}. Start it for this pool: npm run serve -- --pool https://{{address}}',
      noProxy:
        'This console was not started with a proxy to real pools. Start it with npm run serve -- --pool https://{{address}}',
      unreachable: 'Could not reach {{address}}: {{detail}}. Check the address and that the host is running.',
    },
  },
  zh: {
    title: '连接到池',
    intro: '连接到此控制台内置的模拟器，或连接到真实的 XenServer 或 XCP-ng 池。',
    target: '连接到',
    simulator: '内置模拟器',
    simulatorHint: '在此浏览器标签页中运行的模拟池，不会影响任何真实设备。',
    pool: '真实的池',
    poolHint: '通过控制台的代理连接：使用 npm run serve -- --pool https://地址 启动代理。',
    scenario: '场景',
    scenarios: {
      demo: '演示：3 台主机，17 台处于各种电源状态的虚拟机',
      large: '大型：64 台主机，5,000 台虚拟机',
    },
    address: '池主服务器地址',
    addressPlaceholder: 'xcp-master.example.com 或 10.0.0.10:443',
    addressRequired: '请输入池主服务器的地址',
    user: '用户名',
    password: '密码',
    connect: '连接',
    connecting: '正在连接…',
    loadingPool: '已连接，正在加载池…',
    cancel: '取消',
    failed: '无法连接',
    errors: {
      wrongPassword: '用户名或密码不正确。',
      poolMember: '{{address}} 是池成员，其池主服务器为 {{master}}。请改为连接到池主服务器的地址。',
      masterFailed: '{{address}} 是池成员，因此控制台改为连接其池主服务器 {{master}}，但同样失败了：',
      notProxied:
        '控制台的代理未为 {{address}} 提供服务。请为此池启动代理：npm run serve -- --pool https://{{address}}',
      noProxy: '此控制台启动时未配置连接真实池的代理。请使用 npm run serve -- --pool https://{{address}} 启动。',
      unreachable: '无法访问 {{address}}：{{detail}}。请检查地址是否正确以及主机是否正在运行。',
    },
  },
};
