import type { ValidateFunction } from "ajv";

/**
 * Validators built into the code, by schema file name. From sources there are none: the validators are the files
 * `npm run build` writes, loaded by schema.ts. The command-line bundle gets a version of this file that builds them
 * in (scripts/bundle.mjs), so that they are in its code cache instead of being loaded and compiled on every run.
 */
export const builtInValidators: Readonly<Record<string, () => ValidateFunction>> = {};
