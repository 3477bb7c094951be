// Deterministic pseudo-randomness: everything the emulator invents is a pure function of the seed
// and of the thing's coordinates (agent, day, …), so the same seed always gives the same data.

/** 32-bit integer hash of a list of integers (a murmur3-style mix). */
export function hashInts(...values: number[]): number {
  let h = 0x811c9dc5;
  for (const v of values) {
    let k = Math.imul(v | 0, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
    // fold in the high part of numbers beyond 32 bits (epoch days, large ids)
    h ^= Math.floor(v / 4294967296) | 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A small seeded generator (mulberry32). */
export class Rng {
  private state: number;
  constructor(...seedParts: number[]) {
    this.state = hashInts(...seedParts);
  }
  /** uniform in [0, 1) */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** integer in [min, max] */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
}

/** Uniform [0,1) from a hash, for one-off decisions that need no generator. */
export function unit(...values: number[]): number {
  return hashInts(...values) / 4294967296;
}
