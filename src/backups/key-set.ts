/**
 * A set of key names held as 64-bit hashes (two 32-bit halves) in an open-addressing table of
 * typed arrays: about 16 bytes a key whatever its length, where a `Set<string>` of a million Redis
 * key names takes over 100 MB. A false "present" needs two different names with the same 63 bits
 * (about 5e-8 for a million names); it would make a diff miss one key only in the store.
 */
export class HashedKeySet {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private mask: number;
  size = 0;

  constructor(expected = 1024) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.mask = capacity - 1;
  }

  get bytes(): number {
    return this.hi.byteLength + this.lo.byteLength;
  }

  add(key: string): void {
    hash(key);
    if (this.insert(H, L)) {
      this.size += 1;
      if (this.size * 2 > this.hi.length) this.grow();
    }
  }

  has(key: string): boolean {
    hash(key);
    const h = H;
    const l = L;
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const slot = this.lo[i]!;
      if (slot === 0) return false;
      if (slot === l && this.hi[i] === h) return true;
    }
  }

  /** False when it was there already. */
  private insert(h: number, l: number): boolean {
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const slot = this.lo[i]!;
      if (slot === 0) {
        this.hi[i] = h;
        this.lo[i] = l;
        return true;
      }
      if (slot === l && this.hi[i] === h) return false;
    }
  }

  private grow(): void {
    const { hi, lo } = this;
    this.hi = new Uint32Array(hi.length * 2);
    this.lo = new Uint32Array(lo.length * 2);
    this.mask = this.hi.length - 1;
    for (let i = 0; i < hi.length; i++) if (lo[i] !== 0) this.insert(hi[i]!, lo[i]!);
  }
}

/** The last hash's halves (no array per call: a diff hashes millions of names). */
let H = 0;
let L = 0;

/** Two independent 32-bit hashes of the UTF-16 code units (FNV-1a and a multiply-xorshift) into H and L; L never 0 (the empty mark). */
function hash(key: string): void {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9 ^ key.length;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x85ebca6b);
    b ^= b >>> 13;
  }
  b = Math.imul(b ^ (b >>> 16), 0xc2b2ae35);
  b ^= b >>> 16;
  H = a >>> 0;
  L = (b | 1) >>> 0;
}
