import { fileURLToPath } from "node:url";

/** Files shipped with the package (schemas, templates, fonts), found the same way from src/ under test and dist/ when installed. */
export const packageFile = (relative: string): string => fileURLToPath(new URL(`../${relative}`, import.meta.url));
