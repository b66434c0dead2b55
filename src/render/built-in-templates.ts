import type Handlebars from "handlebars";

/** What Handlebars.precompile makes of a template, as code. */
export type TemplateSpec = Parameters<typeof Handlebars.template>[0];

/**
 * The package's templates compiled to code at build time, by their text as read (source/templates.ts). From
 * sources there are none: each template is compiled on first use. The command-line bundle gets a version of this file
 * holding them (scripts/bundle.mjs), so that they are in its code cache instead of being parsed and compiled on
 * every run. A template whose text differs (an office's own, an edited one) is compiled as before.
 */
export const builtInTemplates: ReadonlyMap<string, TemplateSpec> = new Map();
