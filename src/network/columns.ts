/** Growable typed-array columns: the graph keeps its nodes and edges as columns, not objects. */
type Typed = Int32Array | Uint8Array | Uint16Array | Float64Array;

export class Column<A extends Typed> {
  data: A;
  length = 0;

  constructor(
    private readonly make: (n: number) => A,
    capacity = 1024,
  ) {
    this.data = make(capacity);
  }

  push(value: number): number {
    if (this.length === this.data.length) this.grow(this.length * 2);
    this.data[this.length] = value;
    return this.length++;
  }

  get(i: number): number {
    return this.data[i]!;
  }

  set(i: number, value: number): void {
    this.data[i] = value;
  }

  private grow(capacity: number): void {
    const next = this.make(capacity);
    next.set(this.data);
    this.data = next;
  }

  /** The values as one array of the right length (for a snapshot). */
  values(): A {
    return this.data.length === this.length ? this.data : (this.data.slice(0, this.length) as A);
  }

  /** Takes the values of a snapshot. */
  load(values: A): void {
    this.data = values;
    this.length = values.length;
  }

  /** Drops the spare capacity (once the graph is built). */
  trim(): void {
    if (this.data.length !== this.length) this.data = this.data.slice(0, this.length) as A;
  }
}

export const int32 = (capacity?: number) => new Column<Int32Array>((n) => new Int32Array(n), capacity);
export const uint8 = (capacity?: number) => new Column<Uint8Array>((n) => new Uint8Array(n), capacity);
export const uint16 = (capacity?: number) => new Column<Uint16Array>((n) => new Uint16Array(n), capacity);
export const float64 = (capacity?: number) => new Column<Float64Array>((n) => new Float64Array(n), capacity);

/** Strings stored once, referred to by number. */
export class Interner {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();

  id(value: string): number {
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.index.set(value, i);
    }
    return i;
  }

  get(i: number): string {
    return this.values[i]!;
  }

  has(value: string): number | undefined {
    return this.index.get(value);
  }

  load(values: string[]): void {
    this.values.length = 0;
    this.index.clear();
    for (const v of values) this.id(v);
  }
}
