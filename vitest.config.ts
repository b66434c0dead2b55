import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Rendering through LibreOffice takes seconds; these are not timing assertions.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
