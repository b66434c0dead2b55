import type { Diagnostic } from "../diagnostics.js";
import type { LoadedData } from "../load/load-circular.js";
import { schemaDiagnostics } from "./schema-errors.js";
import { schemaValidator } from "./schema.js";

/** Every way the data departs from schemas/circular.schema.json, each at its line and column. */
export function checkSchema(loaded: LoadedData): Diagnostic[] {
  const validate = schemaValidator();
  if (validate(loaded.data)) return [];
  return schemaDiagnostics([...(validate.errors ?? [])], loaded);
}
