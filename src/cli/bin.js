#!/usr/bin/env node
// cm-addin command line: runs the TypeScript sources through tsx (no build step needed).
"use strict";
require("./runtime.js")();
require("tsx/cjs");
require("./main.ts");
