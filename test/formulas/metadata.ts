/**
 * The custom functions exactly as Excel sees them: the metadata that the build generates
 * from the JSDoc (custom-functions-metadata, the generator the webpack plugin uses) joined
 * with the exported wrapper each entry is associated with. Shared by the HyperFormula
 * tests, the fuzz tests and the benchmark, so every function is exercised with its real
 * parameter list (arity, optional, matrix or scalar).
 */
import * as fs from "fs";
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

export const ROOT = path.resolve(__dirname, "../..");
export const FUNCTIONS_DIR = path.join(ROOT, "src/functions");

export interface CfParameter {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: "scalar" | "matrix";
  optional?: boolean;
  repeating?: boolean;
}

export interface CfMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: CfParameter[];
  result?: { type?: string; dimensionality?: "scalar" | "matrix" };
  options?: Record<string, unknown>;
}

export type Wrapper = (...args: unknown[]) => unknown;

export interface LoadedFunction {
  meta: CfMetadata;
  /** the exported function Excel calls (the defineFunction wrapper) */
  impl: Wrapper;
  file: string;
  exportName: string;
}

/** Every source file that declares a custom function (a JSDoc `@customfunction` tag). */
export function customFunctionFiles(dir = FUNCTIONS_DIR): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => /\.tsx?$/.test(f) && !/\.d\.ts$/.test(f) && !/\.en\.ts$/.test(f))
    .map((f) => path.join(dir, f))
    .filter((f) => /@customfunction\b/.test(fs.readFileSync(f, "utf8")))
    .sort();
}

/**
 * Generates the metadata for `files` and resolves each function to its exported wrapper.
 * Throws when the generator reports errors (the build would fail on them too) or when an
 * entry has no exported function behind it.
 */
export async function loadCustomFunctions(
  files: string[] = customFunctionFiles()
): Promise<LoadedFunction[]> {
  if (files.length === 0) return [];
  const gen = await generateCustomFunctionsMetadata(files, false);
  if (gen.errors.length > 0) throw new Error(`custom-functions-metadata: ${gen.errors.join("; ")}`);
  const json = JSON.parse(gen.metadataJson) as { functions: CfMetadata[] };
  const byId = new Map(json.functions.map((f) => [f.id, f]));
  const out: LoadedFunction[] = [];
  for (const a of gen.associate as { sourceFileName: string; functionName: string; id: string }[]) {
    const meta = byId.get(a.id);
    if (!meta) throw new Error(`no metadata for ${a.id}`);
    const mod = require(path.resolve(a.sourceFileName)) as Record<string, unknown>;
    const impl = mod[a.functionName];
    if (typeof impl !== "function")
      throw new Error(
        `${a.sourceFileName}: ${a.functionName} (${a.id}) is not an exported function`
      );
    out.push({ meta, impl: impl as Wrapper, file: a.sourceFileName, exportName: a.functionName });
  }
  return out;
}

/** Number of required parameters (those before the first optional one). */
export function requiredCount(meta: CfMetadata): number {
  const i = meta.parameters.findIndex((p) => p.optional);
  return i < 0 ? meta.parameters.length : i;
}
