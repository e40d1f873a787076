#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx, so `npx schemakoll …` works right after
// `npm ci` with no build step.
require("tsx/cjs");
require("../src/cli/main.ts").run(process.argv.slice(2));
