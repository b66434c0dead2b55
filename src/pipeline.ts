import { derive, type Derived } from "./derive/derive-circular.js";
import { byPosition, throwIfErrors, type Diagnostic } from "./diagnostics.js";
import { layoutAttachment, layoutCircular } from "./layout/layout-circular.js";
import { resolveProfile, type ProfileOverrides } from "./layout/profile.js";
import { loadData, loadFile, type LoadedData } from "./load/load-circular.js";
import { readSeal, sealPath } from "./load/read-seal.js";
import type { Circular } from "./model/circular.js";
import { packDocx } from "./pack/pack-docx.js";
import { buildModel } from "./render/build-model.js";
import { DEFAULT_TEMPLATES_DIR, TemplateSet } from "./render/template-set.js";
import type { CircularData } from "./validate/circular-data.js";
import { checkSchema } from "./validate/check-schema.js";
import { checkRules } from "./validate/rules/check-rules.js";

export interface BuildOptions {
  /** Template directories, later ones overriding earlier ones by file name; the package's own come first. */
  templates?: string[];
  /** House style overrides, applied over the data file's own `style`. */
  style?: ProfileOverrides;
}

export interface Compiled {
  loaded: LoadedData;
  /** Every file the circular was made from: the data, what it extends, the seal image. */
  inputs: string[];
  derived: Derived;
  model: Circular;
  /** Warnings that did not stop the build (acknowledged ones are not among them). */
  warnings: Diagnostic[];
}

export interface Built extends Compiled {
  docx: Uint8Array;
  pages: number;
}

/**
 * Load → validate → derive → check → render: from a data file (or object) to the document model. Throws a
 * TongbaoError carrying every error found at the stage that failed.
 */
export async function compile(input: string | CircularData, options: BuildOptions = {}): Promise<Compiled> {
  const loaded = typeof input === "string" ? await loadFile(input) : loadData(input);
  throwIfErrors(loaded.diagnostics);
  throwIfErrors(checkSchema(loaded));
  const derived = derive(loaded.data as CircularData);
  const templates = new TemplateSet(loaded, [DEFAULT_TEMPLATES_DIR, ...(options.templates ?? [])]);
  const findings = checkRules(derived, loaded);
  const seal = derived.data.seal ? await readSeal(derived.data.seal, loaded) : { diagnostics: [] };
  // Rendering needs consistent data only to be meaningful, not to run: doing it anyway reports template errors too.
  const model = buildModel(derived, templates, seal.seal);
  const diagnostics = [...findings, ...seal.diagnostics, ...templates.diagnostics].sort(byPosition);
  throwIfErrors(diagnostics);
  const inputs = [...loaded.files, ...(derived.data.seal ? [sealPath(derived.data.seal, loaded)] : [])];
  return { loaded, inputs, derived, model, warnings: diagnostics };
}

export interface BuiltAttachment {
  /** 1-based, as in 附件1. */
  number: number;
  title: string;
  docx: Uint8Array;
  pages: number;
}

/**
 * The attachments alone, each as its own .docx laid out as in the full circular (`only` picks one, 1-based):
 * after a correction, the tables can be reissued without the circular.
 */
export async function buildAttachments(input: string | CircularData, options: BuildOptions & { only?: number } = {}): Promise<Compiled & { attachments: BuiltAttachment[] }> {
  const compiled = await compile(input, options);
  const { attachments } = compiled.model;
  if (options.only !== undefined && (options.only < 1 || options.only > attachments.length)) {
    throw new RangeError(`没有附件${options.only}：这份通报有 ${attachments.length} 个附件`);
  }
  const profile = resolveProfile(compiled.derived.data.style, options.style);
  const numbers = options.only !== undefined ? [options.only] : attachments.map((_, i) => i + 1);
  const built = await Promise.all(
    numbers.map(async (number) => {
      const laidOut = layoutAttachment(compiled.model, number - 1, profile);
      return { number, title: attachments[number - 1]!.title, docx: await packDocx(laidOut, compiled.model.meta.date), pages: laidOut.pages };
    }),
  );
  return { ...compiled, attachments: built };
}

/** The whole pipeline: the .docx bytes of the circular, laid out to GB/T 9704. */
export async function build(input: string | CircularData, options: BuildOptions = {}): Promise<Built> {
  const compiled = await compile(input, options);
  const laidOut = layoutCircular(compiled.model, resolveProfile(compiled.derived.data.style, options.style));
  return { ...compiled, docx: await packDocx(laidOut, compiled.model.meta.date), pages: laidOut.pages };
}
