import { UNAVAILABLE, type Scope } from "./formula/index.js";
import type { Group } from "./groups.js";
import type { RowSource } from "./row-source.js";

/**
 * What names mean in a figure's formula or a table's condition: a bare name is a figure, then a list; a dotted
 * name is a group's figure or rows (sites.checked, sites.regions), a list (lists.problems) or a figure
 * (figures.onTime).
 */
export function documentScope(
  figure: (name: string) => number | undefined,
  figureNames: () => string[],
  lists: { get(name: string): RowSource | undefined; names(): string[] },
  groups: { get(name: string): Group | undefined; names(): string[] },
): Scope {
  return {
    resolve(parts) {
      const [head, ...rest] = parts as [string, ...string[]];
      // A name the data defines whose value failed is unavailable, not unknown: its own error says why.
      const known = <T>(defined: boolean, value: T | undefined) => (defined ? (value ?? UNAVAILABLE) : undefined);
      const list = (name: string) => known(lists.names().includes(name), lists.get(name)?.rows);
      if (rest.length === 0) return figureNames().includes(head) ? known(true, figure(head)) : list(head);
      if (rest.length !== 1) return undefined;
      const [tail] = rest as [string];
      if (head === "figures") return known(figureNames().includes(tail), figureNames().includes(tail) ? figure(tail) : undefined);
      if (head === "lists") return list(tail);
      const group = groups.get(head);
      if (!group) return groups.names().includes(head) ? UNAVAILABLE : undefined;
      return group.sources.get(tail)?.rows ?? (Object.hasOwn(group.figures, tail) ? (group.figures as unknown as Record<string, unknown>)[tail] : undefined);
    },
    known: () => [
      ...figureNames(),
      ...lists.names(),
      ...groups.names().flatMap((name) => {
        const g = groups.get(name);
        return g ? [...Object.keys(g.figures), ...g.sources.keys()].map((k) => `${name}.${k}`) : [];
      }),
    ],
  };
}
