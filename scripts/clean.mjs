#!/usr/bin/env node
// Removes the folders given (the build output): a build never ships files of a previous one.
import { rmSync } from "node:fs";

for (const dir of process.argv.slice(2)) rmSync(dir, { recursive: true, force: true });
