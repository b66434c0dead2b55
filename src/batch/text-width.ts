/** Columns a string takes in a terminal: CJK characters and full-width marks take two. */
export const displayWidth = (s: string): number => [...s].reduce((n, ch) => n + (/[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1), 0);

export const padEnd = (s: string, width: number): string => s + " ".repeat(Math.max(0, width - displayWidth(s)));
