/** A seeded random source (mulberry32): the same seed gives the same pool. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  private hex(digits: number): string {
    let s = '';
    for (let i = 0; i < digits; i++) s += ((this.next() * 16) | 0).toString(16);
    return s;
  }

  /** A version-4-shaped UUID. */
  uuid(): string {
    const variant = (8 + ((this.next() * 4) | 0)).toString(16);
    return `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-${variant}${this.hex(3)}-${this.hex(12)}`;
  }

  /** A locally administered unicast MAC, as XAPI generates for VIFs. */
  mac(): string {
    const bytes = [0x02 | ((this.int(0, 63) << 2) & 0xfc), ...Array.from({ length: 5 }, () => this.int(0, 255))];
    return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
  }
}
