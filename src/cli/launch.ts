#!/usr/bin/env node
// The `tongbao` command: the command-line bundle, run with its code cache (code-cache.ts).
import { packageFile } from "../package-files.js";
import { runBundle } from "./code-cache.js";

runBundle(packageFile("dist/cli.cjs"), packageFile("dist/cli.code-cache"));
