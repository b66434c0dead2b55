type Json = unknown;

const isMap = (v: Json): v is Record<string, Json> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * What `extends` means: maps merge key by key, recursively; anything else in the extending file (text, numbers,
 * lists) replaces what it extends; null removes an inherited entry.
 */
export function mergeData(base: Json, over: Json): Json {
  if (!isMap(base) || !isMap(over)) return over;
  const out: Record<string, Json> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (value === null) delete out[key];
    // Defined, not assigned: a key written "__proto__" stays a key (which the schema then refuses), never a prototype.
    else Object.defineProperty(out, key, { value: Object.hasOwn(base, key) ? mergeData(base[key], value) : value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
