/** What the benchmark measures, as files on disk: each scenario's data, and docxtemplater's equivalent of each. */
export type Scenario = "typical" | "large" | "batch" | "huge";

export interface Case {
  /** tongbao's data files (YAML). */
  files: string[];
  /** docxtemplater's template and data (JSON) for each file. */
  templates: string[];
  data: string[];
  /** tongbao's output for each file, written once while preparing (the floor starts from it). */
  outputs: string[];
}

export type Cases = Record<Scenario, Case> & { work: string };
