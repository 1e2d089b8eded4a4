#!/usr/bin/env node
// cm-addin command line: runs the TypeScript sources through tsx (no build step needed).
"use strict";
require("tsx/cjs");
require("./main.ts");
