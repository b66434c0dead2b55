/**
 * Values computed once, on first use, in whatever order their formulas need them; a value that needs itself (by
 * way of others or not) is reported with the loop, and is then undefined.
 */
export class Lazy<T> {
  private readonly done = new Map<string, T | undefined>();
  private readonly computing: string[] = [];

  constructor(
    private readonly compute: (name: string) => T | undefined,
    private readonly onLoop: (name: string, loop: string) => void,
  ) {}

  get(name: string): T | undefined {
    if (this.done.has(name)) return this.done.get(name);
    if (this.computing.includes(name)) {
      this.onLoop(name, [...this.computing.slice(this.computing.indexOf(name)), name].join(" → "));
      this.done.set(name, undefined);
      return undefined;
    }
    this.computing.push(name);
    const value = this.compute(name);
    this.computing.pop();
    if (!this.done.has(name)) this.done.set(name, value);
    return this.done.get(name);
  }

  /** Whether `name` is being computed now: a caller that finds it missing should not report it unknown. */
  isComputing(name: string): boolean {
    return this.computing.includes(name);
  }
}
