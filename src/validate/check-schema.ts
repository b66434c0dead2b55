import type { Diagnostic } from "../diagnostics.js";
import type { LoadedData } from "../load/load-circular.js";
import { schemaDiagnostics } from "./schema-errors.js";
import { schemaValidator } from "./schema.js";

/** Every way the data departs from a schema (schemas/circular.schema.json by default), each at its line and column. */
export function checkSchema(loaded: LoadedData, schemaFile?: string): Diagnostic[] {
  const validate = schemaValidator(schemaFile);
  if (validate(loaded.data)) return [];
  return schemaDiagnostics([...(validate.errors ?? [])], loaded);
}
