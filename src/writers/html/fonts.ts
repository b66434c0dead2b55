import type { Face, Plan } from "../../plan/index.js";

/** CSS font stacks: the document's fonts, what stands in for them, then the platform's Chinese faces. */
export function fontStack(plan: Plan, face: Face | "latin"): string {
  const name = plan.fonts[face];
  const alt = plan.fontTable.find((f) => f.name === name)?.altName;
  const generic = { body: "FangSong, STFangsong, serif", title: "SimSun, STSong, serif", kai: "KaiTi, STKaiti, serif", hei: "SimHei, STHeiti, sans-serif", song: "SimSun, STSong, serif", latin: "serif" }[face];
  return [name, alt].filter(Boolean).map((f) => `"${f!.replace(/["\\]/g, "")}"`).concat(generic).join(", ");
}
