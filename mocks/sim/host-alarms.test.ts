import { describe, expect, it } from 'vitest';
import { checkHostMemoryAlarm } from './host-alarms';
import { hostFreeMemory } from './memory';
import { createSimulator } from './scenarios/index';

describe('host memory alarm', () => {
  it('raises one ALARM when free memory falls below 5 % and again after it recovers and falls', () => {
    const sim = createSimulator({ scenario: 'demo' });
    const host = sim.db
      .refs('host')
      .find((h) => sim.db.get<{ name_label: string }>('host', h).name_label === 'xcp-host-03')!;
    const { memory_overhead, uuid } = sim.db.get<{ memory_overhead: number; uuid: string }>('host', host);
    const alarms = () =>
      [...sim.db.rows('message')]
        .filter((m) => m.record.name === 'ALARM' && m.record.obj_uuid === uuid)
        .map((m) => m.record);
    const squeeze = () =>
      sim.db.update('host', host, { memory_overhead: memory_overhead + hostFreeMemory(sim.db, host) - 1024 ** 3 });

    checkHostMemoryAlarm(sim, host);
    expect(alarms()).toEqual([]);
    squeeze();
    checkHostMemoryAlarm(sim, host);
    checkHostMemoryAlarm(sim, host);
    expect(alarms()).toHaveLength(1);
    expect(alarms()[0]).toMatchObject({ cls: 'Host', priority: 3 });
    expect(alarms()[0].body).toContain('<name value="memory_free_kib"/>');
    expect(alarms()[0].body).toMatch(/^value: 1048576\n/);

    sim.db.update('host', host, { memory_overhead });
    checkHostMemoryAlarm(sim, host);
    squeeze();
    checkHostMemoryAlarm(sim, host);
    expect(alarms()).toHaveLength(2);
  });
});
