import { appendFileSync, writeFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GOOD, caseFolder, checkCase } from "./fuzz/check-case.js";
import { fuzzCase } from "./fuzz/cases.js";

/**
 * Property: whatever the data file says, tongbao builds a .docx whose every part is well-formed XML, or refuses it
 * with diagnostics that all have a position; within ten seconds, and without touching a built-in prototype.
 * Seeded and bounded in `npm test`. `npm run fuzz` (scripts/fuzz.mjs) runs as many cases as asked, in several
 * processes, each logging every case's outcome to FUZZ_LOG instead of stopping at the first failure.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const RUNS = Number(process.env.FUZZ_CASES ?? 2000);
const LOG = process.env.FUZZ_LOG;
/** Where a restarted campaign process resumes (after the case that crashed or hung its predecessor). */
const SKIP = Number(process.env.FUZZ_SKIP ?? 0);
/** Far above any sound case: a case this slow is a hang. */
const BUDGET_MS = 10_000;

describe("fuzz: generated and mutated data files", () => {
  it.skipIf(LOG)(`${RUNS} cases from seed ${SEED}: a well-formed .docx or positioned errors`, { timeout: 900_000 }, async () => {
    const dir = caseFolder();
    await fc.assert(
      fc.asyncProperty(fuzzCase, async (c) => {
        const outcome = await checkCase(c, dir);
        expect(GOOD, outcome.detail).toContain(outcome.verdict);
        expect(outcome.ms).toBeLessThan(BUDGET_MS);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it.runIf(LOG)("campaign: every case's outcome logged", { timeout: 0 }, async () => {
    const dir = caseFolder();
    writeFileSync(LOG!, "");
    for (const [i, c] of fc.sample(fuzzCase, { seed: SEED, numRuns: RUNS }).entries()) {
      if (i < SKIP) continue;
      // Written before the case runs, so that a case that never returns (or exhausts memory) is known.
      appendFileSync(LOG!, `${JSON.stringify({ start: i, at: Date.now(), case: c })}\n`);
      const outcome = await checkCase(c, dir);
      const rss = process.resourceUsage().maxRSS * 1024;
      appendFileSync(LOG!, `${JSON.stringify({ done: i, ...outcome, maxRss: rss, ...(GOOD.includes(outcome.verdict) && outcome.ms < BUDGET_MS ? {} : { case: c }) })}\n`);
    }
  });
});
