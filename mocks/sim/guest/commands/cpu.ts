/** /proc/cpuinfo and nproc: one entry per online vCPU, hot-added ones included. */
import type { GuestCpu } from '../guest-facts';

export function cpuinfo(cpu: GuestCpu, vcpus: number): string {
  const cacheKb = cpu.vendor === 'AuthenticAMD' ? 512 : 49152;
  const entry = (n: number) =>
    [
      `processor\t: ${n}`,
      `vendor_id\t: ${cpu.vendor}`,
      `cpu family\t: ${cpu.family}`,
      `model\t\t: ${cpu.model}`,
      `model name\t: ${cpu.modelName}`,
      `stepping\t: ${cpu.stepping}`,
      'microcode\t: 0xffffffff',
      `cpu MHz\t\t: ${cpu.mhz.toFixed(3)}`,
      `cache size\t: ${cacheKb} KB`,
      'physical id\t: 0',
      `siblings\t: ${vcpus}`,
      `core id\t\t: ${n}`,
      `cpu cores\t: ${vcpus}`,
      `apicid\t\t: ${n * 2}`,
      `initial apicid\t: ${n * 2}`,
      'fpu\t\t: yes',
      'fpu_exception\t: yes',
      'cpuid level\t: 13',
      'wp\t\t: yes',
      `flags\t\t: ${cpu.flags}`,
      'bugs\t\t: spectre_v1 spectre_v2 spec_store_bypass',
      `bogomips\t: ${(cpu.mhz * 2).toFixed(2)}`,
      'clflush size\t: 64',
      'cache_alignment\t: 64',
      'address sizes\t: 46 bits physical, 48 bits virtual',
      'power management:',
      '',
    ].join('\n');
  return Array.from({ length: vcpus }, (_, n) => entry(n)).join('\n');
}

/** nproc counts online vCPUs; --all counts every vCPU the guest could bring online. */
export function nproc(args: string[], online: number, possible: number): string {
  if (args.length === 0) return String(online);
  if (args.length === 1 && args[0] === '--all') return String(possible);
  return `nproc: unrecognized option '${args[0]}'\nTry 'nproc --help' for more information.`;
}
