import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idealReservation, proportionalTargets, type SqueezeDomain } from './squeeze';
import { GiB, KiB, MiB } from './units';

const RESERVE = 72 * MiB;

/**
 * A ballooning domain: a dynamic range in whole MiB, holding anything up to its maximum
 * (below its minimum too: one whose minimum was just raised).
 */
const domain: fc.Arbitrary<SqueezeDomain> = fc
  .tuple(fc.integer({ min: 256, max: 65_536 }), fc.integer({ min: 0, max: 65_536 }), fc.double({ min: 0, max: 1 }))
  .map(([minMiB, rangeMiB, at]) => {
    const dynamicMin = minMiB * MiB;
    const dynamicMax = (minMiB + rangeMiB) * MiB;
    return { dynamicMin, dynamicMax, actual: Math.floor((at * dynamicMax) / KiB) * KiB };
  });

describe('squeezed’s proportional policy', () => {
  it('puts every domain at the same share of its range, the host keeping its reserve', () => {
    const domains = [
      { dynamicMin: 1 * GiB, dynamicMax: 4 * GiB, actual: 4 * GiB },
      { dynamicMin: 8 * GiB, dynamicMax: 32 * GiB, actual: 32 * GiB },
      { dynamicMin: 2 * GiB, dynamicMax: 2 * GiB, actual: 2 * GiB },
    ];
    // 10 GiB must come back: Σ(actual − min) = 27 GiB, of which 17 GiB stay, over a 27 GiB range.
    const { gamma, targets } = proportionalTargets(RESERVE - 10 * GiB, domains, RESERVE);
    expect(gamma).toBeCloseTo(17 / 27, 12);
    expect(targets[0]).toBe(1 * GiB + Math.trunc((gamma * 3 * GiB) / KiB) * KiB);
    expect(targets[1]).toBe(8 * GiB + Math.trunc((gamma * 24 * GiB) / KiB) * KiB);
    expect(targets[2]).toBe(2 * GiB);
  });

  it('gives everyone their maximum when memory is plentiful, their minimum when it is short', () => {
    const domains = [
      { dynamicMin: 1 * GiB, dynamicMax: 4 * GiB, actual: 2 * GiB },
      { dynamicMin: 2 * GiB, dynamicMax: 8 * GiB, actual: 8 * GiB },
    ];
    expect(proportionalTargets(100 * GiB, domains, RESERVE)).toEqual({ gamma: 1, targets: [4 * GiB, 8 * GiB] });
    expect(proportionalTargets(-20 * GiB, domains, RESERVE)).toEqual({ gamma: 0, targets: [1 * GiB, 2 * GiB] });
  });

  it('never over-commits the host and keeps every target within its dynamic range', () => {
    fc.assert(
      fc.property(fc.array(domain, { maxLength: 40 }), fc.integer({ min: -64, max: 512 }), (domains, freeGiB) => {
        const free = freeGiB * GiB;
        const { gamma, targets } = proportionalTargets(free, domains, RESERVE);
        expect(gamma).toBeGreaterThanOrEqual(0);
        expect(gamma).toBeLessThanOrEqual(1);
        targets.forEach((t, i) => {
          expect(t).toBeGreaterThanOrEqual(domains[i].dynamicMin);
          expect(t).toBeLessThanOrEqual(domains[i].dynamicMax);
        });
        // Once every domain has reached its target, the reserve is still free (when the minimums allow it).
        const sumMin = domains.reduce((n, d) => n + d.dynamicMin, 0);
        const sumActual = domains.reduce((n, d) => n + d.actual, 0);
        const sumTargets = targets.reduce((n, t) => n + t, 0);
        const freeAfter = free + sumActual - sumTargets;
        if (free + sumActual - sumMin >= RESERVE) expect(freeAfter).toBeGreaterThanOrEqual(RESERVE);
        else expect(sumTargets).toBe(sumMin);
      }),
    );
  });

  it('does not depend on where the balloons happen to be', () => {
    fc.assert(
      fc.property(fc.array(domain, { minLength: 1, maxLength: 10 }), fc.nat({ max: 64 }), (domains, freeGiB) => {
        const held = domains.reduce((n, d) => n + d.actual, 0);
        const atMinimum = domains.map((d) => ({ ...d, actual: d.dynamicMin }));
        const freeAtMinimum = freeGiB * GiB + held - domains.reduce((n, d) => n + d.dynamicMin, 0);
        expect(proportionalTargets(freeGiB * GiB, domains, RESERVE).targets).toEqual(
          proportionalTargets(freeAtMinimum, atMinimum, RESERVE).targets,
        );
      }),
    );
  });

  it('offers a domain being built its share of its range, as if it were already there', () => {
    const others = [{ dynamicMin: 1 * GiB, dynamicMax: 3 * GiB, actual: 3 * GiB }];
    // 1 GiB free beyond the reserve plus 2 GiB freeable, less the newcomer's own 1 GiB minimum,
    // over a 2 + 2 GiB range: γ = 1/2.
    expect(idealReservation(RESERVE + 1 * GiB, others, 1 * GiB, 3 * GiB, RESERVE)).toBe(2 * GiB);
    expect(idealReservation(RESERVE + 64 * GiB, others, 1 * GiB, 3 * GiB, RESERVE)).toBe(3 * GiB);
  });
});
