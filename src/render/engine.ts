import Handlebars from "handlebars";
import { HELPERS, checkArguments, memoByText } from "../text/index.js";
import type { TemplateFiles } from "../source/index.js";
import { parseTemplate, isParseFailure, type Program } from "../checks/index.js";
import { markExpressions } from "./mark-expressions.js";
import { builtInTemplates } from "./built-in-templates.js";

// strict: a missing field throws; noEscape: the text is not HTML, `&` and `<` must reach the document as typed.
// Prototype access stays at Handlebars' default (denied).
export const COMPILE_OPTIONS = { strict: true, noEscape: true } as const;

export type Render = (context: unknown) => string;

/** The Handlebars environment of one set of template files: our helpers, its partials, compiled templates. */
export interface Engine {
  files: TemplateFiles;
  /** Each partial's syntax tree, for checking the templates that use it. */
  partials: ReadonlyMap<string, Program>;
  compile(source: string): Render;
  /** The template with the output of each expression marked with what it read (see model/marks.ts), for the preview. */
  compileMarked(source: string): Render;
}

/** A helper as Handlebars calls it: the arguments checked against its parameters, then run. */
const adapt = (name: string) =>
  function (this: unknown, ...args: unknown[]): unknown {
    const options = args.pop() as Handlebars.HelperOptions;
    const hash = (options.hash ?? {}) as Record<string, unknown>;
    const spec = HELPERS[name]!;
    const wrong = checkArguments(name, spec, args, hash);
    if (wrong) throw wrong;
    return spec.run(args, hash);
  };

/** Versions of the template files kept (the preview sees a new version at each edit). */
const MAX_ENGINES = 4;
const engines = new Map<string, Engine>();

/**
 * A Handlebars environment with our helpers and the files' partials, compiling each source once. A source
 * compiled at build time is taken as it was compiled there, with these same options.
 */
function compiler(files: TemplateFiles, partialSource: (name: string, source: string) => string): (source: string) => Render {
  const hbs = Handlebars.create();
  hbs.unregisterHelper("log");
  hbs.unregisterHelper("lookup");
  for (const name of Object.keys(HELPERS)) hbs.registerHelper(name, adapt(name));
  const compileSource = (source: string): Render => {
    const spec = builtInTemplates.get(source);
    return (spec ? hbs.template(spec) : hbs.compile(source, COMPILE_OPTIONS)) as Render;
  };
  // Partials are registered compiled, with our options: Handlebars compiles a partial given as text with the options
  // of the template calling it, which a template compiled at build time does not carry.
  for (const [name, { source }] of files.partials) hbs.registerPartial(name, compileSource(partialSource(name, source)));
  // Compiled data texts are kept per process (memoByText): a batch of thousands of circulars shares most of its wording.
  return memoByText(compileSource);
}

/**
 * The engine for a set of template files, made once per process for each version of the files: compiling is a
 * tenth of a circular's work, and a batch builds hundreds with the same templates.
 */
export function engineFor(files: TemplateFiles): Engine {
  const known = engines.get(files.key);
  if (known) return known;
  const partials = new Map<string, Program>();
  for (const [name, { source }] of files.partials) {
    const program = parseTemplate(source);
    if (!isParseFailure(program)) partials.set(name, program);
  }
  const compile = compiler(files, (_name, source) => source);
  let markedCompile: ((source: string) => Render) | undefined;
  const engine: Engine = {
    files,
    partials,
    compile,
    compileMarked(source) {
      // Made on first use: only the preview marks, and its partials are marked too.
      markedCompile ??= compiler(files, (name, text) => {
        const program = partials.get(name);
        return (program && markExpressions(text, program)) ?? text;
      });
      const program = parseTemplate(source);
      return markedCompile((!isParseFailure(program) && markExpressions(source, program)) || source);
    },
  };
  if (engines.size >= MAX_ENGINES) engines.delete(engines.keys().next().value!);
  engines.set(files.key, engine);
  return engine;
}
