// ESLint 9 flat config for `npm run lint` (office-addin-lint check uses this file when present).
// Starts from eslint-plugin-office-addins' React preset (Office.js rules: load/sync before read,
// no context.sync() in loops, isNullObject …) and adapts it to this TypeScript + React project:
// - the preset's TypeScript block only matches .ts files: it is applied to .tsx as well, with
//   the TypeScript parser set explicitly (as office-addin-lint's own default config does);
// - no-undef is off for TypeScript (the compiler checks names; Office, Excel, CustomFunctions
//   and Node globals come from @types);
// - prettier/prettier is off: formatting is not enforced, only correctness rules are;
// - the layer table of src/ARCHITECTURE.md is enforced with no-restricted-imports (LAYERS below):
//   a file under src/<folder>/ may import from the folders its row allows, type-only imports
//   included (the rule sees `import type` and `export … from` as well).
import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

const SOURCES = ["**/*.{js,mjs,cjs,ts,cts,mts,jsx,tsx}"];
const presetFiles = "**/*.{js,mjs,cjs,ts,cts,mts}";

/**
 * src/ARCHITECTURE.md's layer table: for each folder of src/, the other folders of src/ it must
 * not import from, and whether it is pure (no Node built-ins, no React/Fluent UI: no I/O, no DOM
 * by import). core imports nothing but decimal.js. "DOM" of excel/ and functions/ cannot be seen
 * in imports (it is globals) and is not checked.
 */
const FOLDERS = [
  "core",
  "policy",
  "rules",
  "reader",
  "summary",
  "excel",
  "functions",
  "taskpane",
  "cli",
  "xlsx",
  "offline",
];
const LAYERS = {
  core: { may: [], pure: true },
  policy: { may: ["core"], pure: true },
  rules: { may: ["core", "policy"], pure: true },
  reader: { may: ["core", "policy", "rules"], pure: true },
  summary: { may: ["core", "policy", "rules", "reader"], pure: true },
  excel: { may: ["core", "policy", "rules", "reader", "summary"], pure: true },
  functions: { may: ["core", "policy", "rules", "reader"], pure: true },
  cli: { may: ["core", "policy", "rules", "reader", "summary", "functions", "xlsx"], pure: false },
  // (issue 17) the .xlsx layer on bytes, shared by the CLI and the offline page: no Node (its
  // Buffer is imported from "buffer": Node's own, or the npm polyfill in the page's bundle)
  xlsx: { may: ["core", "policy", "rules", "reader", "summary"], pure: true },
  // (issue 17) the offline page: its engine runs the pane worker's tasks (excel/compute.ts, no Office)
  // and its page (App.tsx, index.tsx, client.ts) shows the pane's components (src/taskpane/, no Office in them)
  offline: {
    may: ["core", "policy", "rules", "reader", "summary", "excel", "xlsx", "taskpane"],
    pure: false,
  },
};

/** (issue 17) The offline page's worker side: engine.ts, worker.ts and what they import — no pane, no DOM. */
const OFFLINE_WORKER_SIDE = ["engine", "worker", "protocol", "explained"].map(
  (f) => `src/offline/${f}.ts`
);
const offlineWorkerRule = {
  files: OFFLINE_WORKER_SIDE,
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          {
            regex:
              "^(\\.\\./)+(taskpane|functions|cli)(/|$)|^(react|@fluentui/)|^\\./(App|index|client)$",
            message:
              "分层规则（src/ARCHITECTURE.md）：离线页的 worker 一侧不导入任务窗格、React 或 DOM — the offline worker side imports no pane, React or DOM",
          },
        ],
      },
    ],
  },
};

function layerRule(folder, { may, pure }) {
  const banned = FOLDERS.filter((f) => f !== folder && !may.includes(f));
  const allowed = may.length === 0 ? "只能导入 decimal.js" : `只能导入 ${may.join("、")}`;
  const message =
    `分层规则（src/ARCHITECTURE.md）：src/${folder}/ ${allowed} — ` +
    `layer rule: src/${folder}/ may import ${may.length === 0 ? "nothing but decimal.js" : may.join(", ")}`;
  const patterns = [
    // a relative path that reaches into a folder of src/ this one may not import from
    { regex: `^(\\.\\./)+(${banned.join("|")})(/|$)`, message },
  ];
  if (folder === "core") patterns.push({ regex: "^(?!decimal\\.js$)[^.]", message });
  else if (pure)
    patterns.push({
      regex:
        "^(node:|(fs|path|os|zlib|stream|child_process|crypto|worker_threads)(/|$)|react|@fluentui/)",
      message: `${message}（不做 I/O，不用 DOM — no I/O, no DOM）`,
    });
  return {
    files: [`src/${folder}/**/*.{ts,tsx,js}`],
    rules: { "no-restricted-imports": ["error", { patterns }] },
  };
}

const preset = officeAddins.configs.react.map((block) =>
  Array.isArray(block.files) && block.files.includes(presetFiles)
    ? { ...block, files: SOURCES }
    : block
);

export default [
  { ignores: ["dist/**", "lib/**", "coverage/**", "node_modules/**"] },
  ...preset,
  {
    files: SOURCES,
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2022 },
    settings: { react: { version: "19" } },
    rules: {
      "prettier/prettier": "off",
      "react/react-in-jsx-scope": "off",
      "react/prop-types": "off",
      // a leading underscore marks a parameter or variable as deliberately unused
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
    },
  },
  {
    files: ["**/*.{ts,tsx,mts,cts}"],
    rules: { "no-undef": "off" },
  },
  {
    // the custom functions' signatures are the metadata Excel reads (custom-functions-metadata):
    // each wrapper passes its `arguments` on to its spec's conversion, naming none of them again
    files: ["src/functions/*.ts"],
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { args: "none", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
    },
  },
  ...Object.entries(LAYERS).map(([folder, layer]) => layerRule(folder, layer)),
  offlineWorkerRule,
  {
    files: ["**/*.{js,cjs}"],
    languageOptions: {
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        module: "writable",
        exports: "writable",
        __dirname: "readonly",
        process: "readonly",
        console: "readonly",
      },
    },
  },
];
