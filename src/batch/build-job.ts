import { TongbaoError, formatDiagnostic } from "../diagnostics/index.js";
import { withRegion } from "../input/index.js";
import { build, listRowCounts } from "../pipeline.js";
import type { NameFields } from "./output-name.js";

/** A dataset to build, and what came of it. A lane only builds; the main thread names and writes. */
export interface WorkerJob {
  id: number;
  file: string;
  root: string;
  allow: readonly string[];
  region?: string;
}

export type WorkerResult =
  | { id: number; ok: true; docx: Uint8Array; pages: number; warnings: string[]; inputs: string[]; fields: NameFields; counts: Record<string, number> }
  | { id: number; ok: false; errors: string[] };

/** One dataset built, its failure reported as the batch prints it: the same in a worker and on the main thread. */
export async function buildJob(job: WorkerJob): Promise<WorkerResult> {
  try {
    const built = await build(job.file, { root: job.root, allow: job.allow, ...withRegion(job.region) });
    const { period, issuer } = built.data;
    return {
      id: job.id,
      ok: true,
      docx: built.docx,
      pages: built.pages,
      warnings: built.warnings.map(formatDiagnostic),
      inputs: built.inputs,
      fields: { period, issuer },
      counts: listRowCounts(built),
    };
  } catch (e) {
    const errors = e instanceof TongbaoError ? e.diagnostics.filter((d) => d.severity === "error").map(formatDiagnostic) : [`tongbao 内部错误：${(e as Error).stack ?? String(e)}`];
    return { id: job.id, ok: false, errors };
  }
}
