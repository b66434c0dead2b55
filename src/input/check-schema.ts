import type { Diagnostics, Locator } from "../diagnostics/index.js";
import { reportSchemaErrors } from "./schema-errors.js";
import { schemaValidator } from "./schema.js";

/**
 * Checks the data against a schema (schemas/circular.schema.json by default), reporting every departure at its
 * place. Returns the top-level fields that are broken (empty when the data passed); a root that is not a map
 * breaks everything.
 */
export function checkSchema(data: unknown, diagnostics: Diagnostics, locator: Locator, schemaFile?: string): Set<string> {
  const validate = schemaValidator(schemaFile);
  if (validate(data)) return new Set();
  const broken = reportSchemaErrors([...(validate.errors ?? [])], diagnostics, locator);
  if (typeof data !== "object" || data === null || Array.isArray(data)) broken.add("*");
  return broken;
}
