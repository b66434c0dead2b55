import type { Face, Plan } from "../../plan/index.js";

/** CSS font stacks: the document's fonts, what stands in for them, then the platform's Chinese faces. */
export function fontStack(plan: Plan, face: Face | "latin"): string {
  const name = plan.fonts[face];
  const alt = plan.fontTable.find((f) => f.name === name)?.altName;
  const generic = { body: "FangSong, STFangsong, serif", title: "SimSun, STSong, serif", kai: "KaiTi, STKaiti, serif", hei: "SimHei, STHeiti, sans-serif", song: "SimSun, STSong, serif", latin: "serif" }[face];
  return [name, alt].filter(Boolean).map((f) => `"${f!.replace(/["\\]/g, "")}"`).concat(generic).join(", ");
}

/**
 * A face's stack led by the Latin font, as a .docx run sets digits and Latin letters in it and Chinese in the face:
 * the Latin font has no Chinese characters, so the browser falls through to the face for them.
 */
export const mixedStack = (plan: Plan, face: Face): string => `${fontStack(plan, "latin").replace(/, serif$/, "")}, ${fontStack(plan, face)}`;
