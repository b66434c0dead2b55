import type { DataPath, Diagnostics } from "../diagnostics/index.js";
import type { ListData } from "../input/index.js";
import { unknownNameHint } from "../text/index.js";
import type { Scope } from "./formula/index.js";
import { Lazy } from "./lazy.js";
import type { RowSource } from "./row-source.js";
import { compileSelection, pathsAt, selectRows } from "./select.js";

/**
 * The data's lists as rows to compute with: those written in the data, and those chosen from another list (`of`,
 * `where`, `sort`: the units below a target, the top three), each chosen when first asked for, since its
 * condition may use figures that count other lists.
 */
export class Lists {
  private readonly chosen: Lazy<RowSource>;

  constructor(
    private readonly written: ReadonlyMap<string, RowSource>,
    private readonly definitions: Readonly<Record<string, ListData>>,
    private readonly scope: () => Scope,
    private readonly diagnostics: Diagnostics,
  ) {
    this.chosen = new Lazy(
      (name) => this.choose(name, definitions[name]!),
      (name, loop) => diagnostics.error("formula", ["lists", name, "of"], `清单 ${name} 的选取形成了循环：${loop}`),
    );
  }

  names(): string[] {
    return Object.keys(this.definitions).filter((n) => this.written.has(n) || this.definitions[n]!.of !== undefined);
  }

  get(name: string): RowSource | undefined {
    if (this.written.has(name)) return this.written.get(name);
    if (!Object.hasOwn(this.definitions, name) || this.definitions[name]!.of === undefined) return undefined;
    return this.chosen.get(name);
  }

  private choose(name: string, def: ListData): RowSource | undefined {
    const at: DataPath = ["lists", name];
    const base = this.get(def.of!);
    if (!base) {
      if (!this.chosen.isComputing(def.of!)) this.diagnostics.error("unknown-name", [...at, "of"], `没有名为 ${def.of} 的清单`, unknownNameHint(def.of!, this.names(), "数据里的清单有"));
      return undefined;
    }
    const selection = compileSelection(base, def, at, this.diagnostics);
    if (!selection) return undefined;
    const { rows, at: places } = selectRows(base, selection, this.scope(), this.diagnostics);
    const paths = pathsAt(base, places);
    return {
      name,
      label: def.label ?? base.label,
      rows,
      fields: base.fields,
      get paths() {
        return paths();
      },
      ...(base.kind ? { kind: base.kind } : {}),
    };
  }

  /** Every list, chosen ones included. */
  all(): Map<string, RowSource> {
    return new Map(this.names().flatMap((n) => {
      const source = this.get(n);
      return source ? [[n, source] as const] : [];
    }));
  }
}
