import { applyAcknowledgements, checkCircular, checkDataTexts } from "./checks/index.js";
import { Diagnostics, TongbaoError, hasErrors, type Diagnostic, type Locator } from "./diagnostics/index.js";
import { deriveFigures, templateContext, type Figures } from "./figures/index.js";
import { aboutOtherRegion, checkLists, checkSchema, regionData, regionLocator, resolveKinds, splitRegions, templateTexts, type CircularData } from "./input/index.js";
import type { Circular, Seal } from "./model/circular.js";
import { writeZip } from "./pack/zip.js";
import { planAttachment, planCircular, resolveProfile, type Plan, type ProfileOverrides } from "./plan/index.js";
import { writeDocx } from "./writers/docx/write-docx.js";
import { writeHtml } from "./writers/html/write-html.js";
import { buildModel, engineFor, TemplateSet } from "./render/index.js";
import { readFile } from "node:fs/promises";
import { DEFAULT_TEMPLATES_DIR, decodeText, isDecodeFailure, loadFile, loadObject, readSeal, readTables, readTemplates, sealPath, tablePath, type Loaded, type Table } from "./source/index.js";

export interface BuildOptions {
  /** Template directories, later ones overriding earlier ones by file name; the package's own come first. */
  templates?: string[];
  /** House style overrides, applied over the data file's own `style`. */
  style?: ProfileOverrides;
  /** The folder files named by the data (extends, seal) must lie in; the working folder by default. */
  root?: string;
  /** Further folders the user allows the data to name files in (the CLI's --allow-dir). */
  allow?: readonly string[];
  /** Let the data name files anywhere. */
  anywhere?: boolean;
  /** Of a dataset that splits by region (`split`): the one region's circular to make. */
  region?: string;
  /** Mark in the body's texts where each figure comes from (for the preview); the .docx is the same either way. */
  marks?: boolean;
}

export interface Compiled {
  data: CircularData;
  loaded: Loaded;
  /** Every file the circular was made from: the data, what it extends, the seal image. */
  inputs: string[];
  figures: Figures;
  model: Circular;
  /** Warnings that did not stop the build (acknowledged ones are not among them). */
  warnings: Diagnostic[];
  /** The warnings the data acknowledges, each with its reason as the hint. */
  acknowledged(): Diagnostic[];
  /** What the templates saw, and where each data path is written: for explaining a figure. */
  context: Record<string, unknown>;
  locator: Locator;
}

export interface Built extends Compiled {
  plan: Plan;
  docx: Uint8Array;
  pages: number;
}

/** The .docx bytes of a plan: the same plan gives the same bytes. */
export const docxOf = (plan: Plan): Promise<Uint8Array> => writeZip(writeDocx(plan), plan.meta.date);

/** Top-level parts without which no figure can be derived: with a schema error in one, names under them go unchecked. */
const FIGURE_INPUTS = ["kinds", "lists", "groups", "figures", "period", "attachments"];

/**
 * The first steps of every use of the data: read it (a file and what it extends, or an object given by a program)
 * within the folders it may name files in, and check its shape. `broken` has "*" when there is no data to go on.
 */
async function readChecked(input: string | CircularData, options: BuildOptions, diagnostics: Diagnostics): Promise<{ confine: string[] | undefined; loaded: Loaded; broken: Set<string> }> {
  const confine = options.anywhere ? undefined : [options.root ?? process.cwd(), ...(options.allow ?? [])];
  const loaded = typeof input === "string" ? await loadFile(input, diagnostics, confine ? { confine } : { anywhere: true }) : loadObject(input, diagnostics);
  const broken = loaded.data === undefined ? new Set(["*"]) : checkSchema(loaded.data, diagnostics, loaded.locator);
  return { confine, loaded, broken };
}

/**
 * Load → check the shape → derive the figures → check names and figures → render: from a data file (or object) to
 * the document model. Every stage reports into one collector; the run goes as far as the data allows, so one run
 * reports schema errors, unknown names and disagreeing figures together. Throws a TongbaoError carrying them all.
 */
export async function compile(input: string | CircularData, options: BuildOptions = {}): Promise<Compiled> {
  const diagnostics = new Diagnostics();
  const { confine, loaded, broken } = await readChecked(input, options, diagnostics);
  const stop = (): never => {
    throw new TongbaoError(diagnostics.resolve(loaded.locator));
  };
  if (broken.has("*")) stop();
  const whole = loaded.data as CircularData;
  // An error in another region's own entry is that region's circular's to report.
  if (options.region !== undefined) diagnostics.filter((r) => !aboutOtherRegion(r, options.region));
  if (options.region !== undefined && !whole.split) throw new RangeError(`这份数据没有写 split，不能只生成“${options.region}”的通报`);
  if (options.region === undefined && whole.split && !broken.has("split")) {
    diagnostics.error("split", ["split"], "这份数据按地区拆分（split），要生成的是各地区的通报", "用 tongbao build 或 tongbao batch 生成，每个地区一份");
    stop();
  }
  const data = options.region !== undefined ? regionData(whole, options.region) : whole;

  // Tables the lists read (from:) are read once the schema has vouched for how the data names them.
  const before = diagnostics.all.length;
  const tables = broken.has("lists") ? new Map<string, Table>() : await readTables(data.lists, loaded.locator, diagnostics, confine);
  let locator = loaded.locator;
  let figures: Figures | undefined;
  if (!FIGURE_INPUTS.some((k) => broken.has(k))) {
    const kinds = resolveKinds(data.kinds, diagnostics);
    const checked = checkLists(data, kinds, diagnostics, loaded.locator, tables, options.region);
    const lists = checked.lists;
    locator = options.region !== undefined ? regionLocator(checked.locator, whole, options.region, checked.kept) : checked.locator;
    // Rows with errors would give figures that are wrong in ways already reported: derive from sound lists only.
    if (!diagnostics.all.slice(before).some((r) => r.severity === "error")) figures = deriveFigures(data, lists, diagnostics);
  }
  const templates = readTemplates([DEFAULT_TEMPLATES_DIR, ...(options.templates ?? [])]);
  const engine = engineFor(templates);
  const context = templateContext(data, figures);
  // Names under what could not be derived are not known, so not judged: their own errors are reported already.
  const groupNames = Object.keys(data.groups ?? {});
  const failedFigures = (f: Figures) => Object.keys(data.figures ?? {}).filter((n) => !f.named.has(n)).map((n) => `figures.${n}`);
  const opaque = new Set<string>([...broken, ...(figures ? [...groupNames.filter((g) => !figures!.groups.has(g)), ...failedFigures(figures)] : ["lists", "figures", ...groupNames])]);
  checkDataTexts(templateTexts(data), context, (t) => figures?.tables[t]?.rows.map((row) => ({ ...row })), { partials: engine.partials, opaque }, diagnostics);
  if (figures) checkCircular(data, figures, diagnostics, broken);

  let seal: Seal | undefined;
  if (data.seal && !broken.has("seal")) {
    const image = await readSeal(data.seal.image, loaded.files[0], confine, diagnostics);
    if (image) seal = { ...image, size: data.seal.size ?? 42 };
  }
  let model: Circular | undefined;
  if (!diagnostics.hasErrors && figures) model = buildModel(data, figures, context, new TemplateSet(engine, diagnostics, options.marks), seal);
  const dropped = broken.has("acknowledge") ? [] : applyAcknowledgements(data.acknowledge, diagnostics);
  const all = diagnostics.resolve(locator);
  // Placed only when asked (the preview lists them): a position may need the whole YAML parsed again.
  const acknowledged = () => {
    const found = new Diagnostics();
    for (const r of dropped) found.report(r);
    return found.resolve(locator);
  };
  if (hasErrors(all) || !model || !figures) throw new TongbaoError(all);
  const tableFiles = Object.entries(data.lists ?? {}).flatMap(([name, list]) => (list.from !== undefined ? [tablePath(list.from, ["lists", name, "from"], loaded.locator)] : []));
  const inputs = [...loaded.files, ...tableFiles, ...(data.seal ? [sealPath(data.seal.image, loaded.files[0])] : [])];
  return { data, loaded, inputs, figures, model, warnings: all, acknowledged, context, locator };
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
  const profile = resolveProfile(compiled.data.style, options.style);
  const numbers = options.only !== undefined ? [options.only] : attachments.map((_, i) => i + 1);
  const built: BuiltAttachment[] = [];
  for (const number of numbers) {
    const plan = planAttachment(compiled.model, number - 1, profile);
    built.push({ number, title: attachments[number - 1]!.title, docx: await docxOf(plan), pages: plan.pages });
  }
  return { ...compiled, attachments: built };
}

/** The circular's web copy: one self-contained HTML page from the same plan as the .docx. */
export async function buildHtml(input: string | CircularData, options: BuildOptions = {}): Promise<Compiled & { plan: Plan; html: string }> {
  const compiled = await compile(input, options);
  const plan = planCircular(compiled.model, resolveProfile(compiled.data.style, options.style));
  return { ...compiled, plan, html: writeHtml(plan) };
}

/** The whole pipeline: the .docx bytes of the circular, laid out to GB/T 9704. */
export async function build(input: string | CircularData, options: BuildOptions = {}): Promise<Built> {
  const compiled = await compile(input, options);
  const plan = planCircular(compiled.model, resolveProfile(compiled.data.style, options.style));
  return { ...compiled, plan, docx: await docxOf(plan), pages: plan.pages };
}

/** How a dataset that splits by region (`split`) divides: its regions, output name, and each divided list's rows. */
export interface SplitPlan {
  regions: string[];
  output: string;
  /** For each list with a region field: how many rows the whole dataset has, which the regions' circulars share. */
  rows: Map<string, number>;
}

export const DEFAULT_SPLIT_OUTPUT = "{name}-{region}.docx";
const SAYS_SPLIT = /^split\s*:/m;

/**
 * The regions of a split dataset, from the whole data with every list checked (undefined when it does not split).
 * A row in no declared region is an error here, before any region's circular is made.
 */
export async function planSplit(file: string, options: BuildOptions = {}): Promise<SplitPlan | undefined> {
  // Only a data file that itself says split: at its top level is read twice.
  const decoded = decodeText(await readFile(file).catch(() => new Uint8Array()));
  if (isDecodeFailure(decoded) || !SAYS_SPLIT.test(decoded.text)) return undefined;
  const diagnostics = new Diagnostics();
  const { confine, loaded, broken } = await readChecked(file, options, diagnostics);
  const stop = (locator = loaded.locator): never => {
    throw new TongbaoError(diagnostics.resolve(locator));
  };
  if (loaded.data === undefined) stop();
  const data = loaded.data as CircularData;
  if (broken.has("*") || !data.split) return undefined;
  // A region's own entry is checked when its circular is made; any other error is reported once, here.
  diagnostics.filter((r) => !aboutOtherRegion(r));
  if (diagnostics.hasErrors) stop();
  const tables = await readTables(data.lists, loaded.locator, diagnostics, confine);
  const { lists, locator } = checkLists(data, resolveKinds(data.kinds, diagnostics), diagnostics, loaded.locator, tables);
  const regions = splitRegions(data.split, lists, diagnostics);
  if (diagnostics.hasErrors) stop(locator);
  const rows = new Map([...lists].filter(([, list]) => list.kind.region).map(([name, list]) => [name, list.rows.length]));
  return { regions, output: data.split.output ?? DEFAULT_SPLIT_OUTPUT, rows };
}

/** Each list's rows in a circular (in one region's circular, that region's rows). */
export const listRowCounts = (compiled: Compiled): Record<string, number> => Object.fromEntries([...compiled.figures.lists].map(([name, list]) => [name, list.rows.length]));

/**
 * The regions' circulars together hold every row of the whole dataset once: their row counts add up to the
 * dataset's. A message for each list that does not.
 */
export function splitDifferences(plan: SplitPlan, counts: readonly Record<string, number>[]): string[] {
  return [...plan.rows].flatMap(([name, total]) => {
    const sum = counts.reduce((s, c) => s + (c[name] ?? 0), 0);
    return sum === total ? [] : [`清单 ${name} 全省 ${total} 行，各地区通报合计 ${sum} 行：有的行没有进入任何一份通报，或进入了不止一份`];
  });
}
