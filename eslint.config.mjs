// ESLint 9 flat config for `npm run lint` (office-addin-lint check uses this file when present).
// Starts from eslint-plugin-office-addins' React preset (Office.js rules: load/sync before read,
// no context.sync() in loops, isNullObject …) and adapts it to this TypeScript + React project:
// - the preset's TypeScript block only matches .ts files: it is applied to .tsx as well, with
//   the TypeScript parser set explicitly (as office-addin-lint's own default config does);
// - no-undef is off for TypeScript (the compiler checks names; Office, Excel, CustomFunctions
//   and Node globals come from @types);
// - prettier/prettier is off: formatting is not enforced, only correctness rules are.
import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

const SOURCES = ["**/*.{js,mjs,cjs,ts,cts,mts,jsx,tsx}"];
const presetFiles = "**/*.{js,mjs,cjs,ts,cts,mts}";

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
