import { watch, type FSWatcher } from "node:fs";
import { dirname, join } from "node:path";

/** After a save, editors write in bursts (a temporary file, a rename, the attributes): one rebuild for the burst. */
const SETTLE_MS = 80;

/**
 * Calls `changed` when a file among `files()` or in one of `dirs()` is written, renamed or replaced. Folders are
 * watched rather than files, so a file an editor replaces by renaming is still followed; the lists are read again
 * after each change (a new `extends` brings a new file in).
 */
export function watchInputs(files: () => readonly string[], dirs: () => readonly string[], changed: () => void): { close(): void; sync(): void } {
  const watchers = new Map<string, FSWatcher>();
  let timer: NodeJS.Timeout | undefined;
  const fire = () => {
    clearTimeout(timer);
    timer = setTimeout(changed, SETTLE_MS);
  };
  const matters = (dir: string, name: string | null) => {
    if (name === null) return true;
    const path = join(dir, name);
    return dirs().includes(dir) || files().includes(path);
  };
  const sync = () => {
    const wanted = new Set([...files().map((f) => dirname(f)), ...dirs()]);
    for (const [dir, w] of watchers) {
      if (!wanted.has(dir)) {
        w.close();
        watchers.delete(dir);
      }
    }
    for (const dir of wanted) {
      if (watchers.has(dir)) continue;
      try {
        const w = watch(dir, { persistent: true }, (_event, name) => {
          if (matters(dir, name === null ? null : name.toString())) fire();
        });
        w.on("error", () => {
          w.close();
          watchers.delete(dir);
        });
        watchers.set(dir, w);
      } catch {
        // A folder that went away is watched again when the next build names it.
      }
    }
  };
  sync();
  return {
    sync,
    close() {
      clearTimeout(timer);
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}
