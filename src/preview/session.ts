import { basename, extname, join, resolve } from "node:path";
import { diagnosticsOf, type Diagnostic } from "../diagnostics/index.js";
import { build, type Built, type BuildOptions } from "../pipeline.js";
import { pagesCss, writePages } from "../writers/html/write-pages.js";
import { DEFAULT_TEMPLATES_DIR } from "../source/index.js";
import { findSoffice } from "../pdf/libreoffice.js";
import { SourceLines, provenanceOf, type Provenance, type Shown } from "./provenance.js";

/** What the page shows at one version: the last good pages, and the problems of the data as it is now. */
export interface Snapshot {
  version: number;
  title: string;
  file: string;
  pages: string[];
  css: string;
  /** The pages are those of an earlier version: the data as it is now has errors. */
  stale: boolean;
  /** Whether LibreOffice is there to make the PDF download. */
  pdf: boolean;
  diagnostics: Shown[];
  acknowledged: Shown[];
}

interface Good {
  built: Built;
  pages: string[];
  css: string;
  lines: SourceLines;
}

/**
 * One data file previewed: built again on each change, with marks saying where figures come from. A build that
 * fails keeps the last good pages and shows its errors; builds never overlap, and changes made during one are
 * taken up by one more.
 */
export class PreviewSession {
  version = 0;
  private good: Good | undefined;
  private diagnostics: Shown[] = [];
  private acknowledged: Shown[] = [];
  private running: Promise<void> | undefined;
  private again = false;
  private readonly listeners = new Set<(version: number) => void>();
  /** The files the circular was last made from, and the templates: what a change of triggers a rebuild. */
  inputs: string[];
  /** Whether LibreOffice is there for the PDF download: looked for once, not at every refresh of the page. */
  private readonly pdf: boolean;

  constructor(
    readonly file: string,
    private readonly options: BuildOptions,
    /** The soffice program named on the command line, if any. */
    soffice?: string,
  ) {
    this.inputs = [resolve(file)];
    this.pdf = findSoffice(undefined, soffice) !== undefined;
  }

  onChange(listener: (version: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Builds again (after the running build, if one is running). */
  refresh(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.rebuild();
      } while (this.again);
      this.running = undefined;
    })();
    return this.running;
  }

  private async rebuild(): Promise<void> {
    const lines = new SourceLines();
    try {
      const built = await build(this.file, { ...this.options, marks: true });
      this.good = { built, pages: writePages(built.plan), css: pagesCss(built.plan), lines };
      this.diagnostics = built.warnings.map((d) => lines.shown(d));
      this.acknowledged = built.acknowledged().map((d) => lines.shown(d));
      this.inputs = [...new Set([...built.inputs.map((f) => resolve(f)), resolve(this.file)])];
    } catch (e) {
      let found: readonly Diagnostic[];
      try {
        found = diagnosticsOf(e);
      } catch {
        // Not a problem of the data: shown as one, so the clerk sees it and the preview keeps going.
        found = [{ severity: "error", code: "output", file: this.file, line: 0, col: 0, message: `tongbao 内部错误（请报告）：${(e as Error).message}` }];
      }
      this.diagnostics = found.map((d) => lines.shown(d));
      this.acknowledged = [];
    }
    this.version++;
    for (const listener of this.listeners) listener(this.version);
  }

  /** The template folders (with their labels/ and partials/): a change to any of their files rebuilds. */
  get templateDirs(): string[] {
    return [DEFAULT_TEMPLATES_DIR, ...(this.options.templates ?? [])].flatMap((d) => [d, join(d, "labels"), join(d, "partials")].map((f) => resolve(f)));
  }

  snapshot(): Snapshot {
    const { good } = this;
    return {
      version: this.version,
      title: good?.built.plan.meta.title ?? basename(this.file),
      file: this.file,
      pages: good?.pages ?? [],
      css: good?.css ?? "",
      stale: good !== undefined && this.diagnostics.some((d) => d.severity === "error"),
      pdf: this.pdf,
      diagnostics: this.diagnostics,
      acknowledged: this.acknowledged,
    };
  }

  /** Where a figure or a cell of the pages shown comes from. */
  explain(ref: string): Provenance | undefined {
    return this.good && provenanceOf(this.good.built, ref, this.good.lines);
  }

  /** The circular shown, as a download: the .docx and the web copy are made from the pages shown. */
  get built(): Built | undefined {
    return this.good?.built;
  }

  /** The name downloads are given: the data file's. */
  get name(): string {
    return basename(this.file, extname(this.file));
  }
}
