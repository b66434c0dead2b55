import { createRequire } from "node:module";

type Yaml = typeof import("yaml");
let lib: Yaml | undefined;

/**
 * The full YAML parser, loaded on first use: a sound data file is read by the fast reader, so most builds need the
 * parser only for a message's position, and loading it is a tenth of a cold `tongbao build`.
 */
export const yamlLib = (): Yaml => (lib ??= createRequire(import.meta.url)("yaml") as Yaml);
