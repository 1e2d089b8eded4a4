/**
 * Registers custom functions in HyperFormula THROUGH THE WRAPPERS EXCEL CALLS: each formula
 * call is turned into the arguments Excel passes to a custom function, handed to the exported
 * wrapper (src/functions/*.ts), and the wrapper's answer is turned back into a cell value.
 *
 * Excel → wrapper (what the custom-functions runtime passes):
 * - a scalar parameter gets a number, text or logical; an empty cell reference gets null
 *   (Excel on the web; Excel desktop passes 0 — office-js issue #4702 — selectable here
 *   with `emptyCell: "zero"`); an omitted optional argument gets null;
 * - a matrix parameter (`any[][]`) gets a 2-D array, row by row, blanks as null; a single
 *   value given to it arrives as [[value]];
 * - an error value in an argument arrives as a CustomFunctions.Error with its code.
 * Wrapper → sheet: a CustomFunctions.Error becomes the HyperFormula error of the same code
 * with the same message; a 2-D array spills.
 *
 * HyperFormula needs `licenseKey: "gpl-v3"` (NOTES.md 9); it is a test-only dependency.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from "hyperformula";
import type {
  FunctionMetadata,
  FunctionPluginDefinition,
  ImplementedFunctions,
} from "hyperformula";
import type { LoadedFunction } from "./metadata";

export interface AdapterOptions {
  /** the namespace of the function names (manifest: CM) */
  namespace?: string;
  /** what an empty cell arrives as: null (Excel on the web, default) or 0 (Excel desktop) */
  emptyCell?: "null" | "zero";
}

/** Excel error code ⇄ HyperFormula error type. */
const CODE_TO_TYPE: Record<string, ErrorType> = {
  "#VALUE!": ErrorType.VALUE,
  "#N/A": ErrorType.NA,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#NUM!": ErrorType.NUM,
  "#NAME?": ErrorType.NAME,
  "#REF!": ErrorType.REF,
  "#NULL!": ErrorType.ERROR,
};
const TYPE_TO_CODE: Partial<Record<ErrorType, string>> = {
  [ErrorType.VALUE]: "#VALUE!",
  [ErrorType.NA]: "#N/A",
  [ErrorType.DIV_BY_ZERO]: "#DIV/0!",
  [ErrorType.NUM]: "#NUM!",
  [ErrorType.NAME]: "#NAME?",
  [ErrorType.REF]: "#REF!",
};

function isCfError(x: unknown): x is CustomFunctions.Error {
  return x instanceof CustomFunctions.Error;
}

/** A HyperFormula number may come wrapped with its format (dates, percents): unwrap it. */
function plain(v: unknown): unknown {
  if (v !== null && typeof v === "object" && !(v instanceof CellError) && "val" in (v as object)) {
    return (v as { val: unknown }).val;
  }
  return v;
}

export class AdapterError extends Error {}

/** The plugin class and its translations for `namespace.ID` names. */
export function makePlugin(
  fns: LoadedFunction[],
  opts: AdapterOptions = {}
): {
  plugin: FunctionPluginDefinition;
  translations: Record<string, Record<string, string>>;
  names: string[];
} {
  const ns = opts.namespace ?? "CM";
  const emptyValue = opts.emptyCell === "zero" ? 0 : null;

  const toExcelScalar = (v: unknown): unknown => {
    v = plain(v);
    if (v === EmptyValue || v === undefined) return emptyValue;
    if (v instanceof CellError) {
      const code = TYPE_TO_CODE[v.type] ?? "#VALUE!";
      return new CustomFunctions.Error(code as CustomFunctions.ErrorCode, v.message);
    }
    return v;
  };

  const toExcelArg = (v: unknown, matrix: boolean, omitted: boolean): unknown => {
    if (omitted) return null;
    if (v instanceof SimpleRangeValue) {
      const rows = v.data.map((row) => row.map(toExcelScalar));
      if (matrix) return rows;
      // a range given to a scalar parameter after HyperFormula's own vectorisation cannot occur
      throw new AdapterError("range given to a scalar parameter");
    }
    const s = toExcelScalar(v);
    return matrix && !isCfError(s) ? [[s]] : s;
  };

  const toSheet = (r: unknown): unknown => {
    if (isCfError(r)) {
      const t = CODE_TO_TYPE[r.code] ?? ErrorType.VALUE;
      return new CellError(t, r.message);
    }
    if (Array.isArray(r)) {
      if (r.length === 0 || !Array.isArray(r[0]))
        throw new AdapterError(`not a 2-D result: ${JSON.stringify(r)}`);
      const width = (r[0] as unknown[]).length;
      if ((r as unknown[][]).some((row) => row.length !== width))
        throw new AdapterError("ragged result array");
      return SimpleRangeValue.onlyValues(
        (r as unknown[][]).map((row) =>
          row.map((c) => (c === null ? EmptyValue : toSheet(c)))
        ) as never
      );
    }
    if (typeof r === "number" || typeof r === "string" || typeof r === "boolean") return r;
    throw new AdapterError(`unsupported result ${String(r)}`);
  };

  const implemented: ImplementedFunctions = {};
  const methods: Record<string, (this: FunctionPlugin, ast: any, state: any) => unknown> = {};
  const names: string[] = [];

  for (const fn of fns) {
    const name = `${ns}.${fn.meta.id}`.toUpperCase();
    names.push(name);
    const params = fn.meta.parameters;
    const matrixResult = fn.meta.result?.dimensionality === "matrix";
    const method = `cf_${fn.meta.id}`;
    const meta: FunctionMetadata = {
      method,
      parameters: params.map((p) => ({
        argumentType:
          p.dimensionality === "matrix" ? FunctionArgumentType.ANY : FunctionArgumentType.SCALAR,
        optionalArg: p.optional === true,
      })),
      // a function that spills cannot be lifted over a range by the engine
      vectorizationForbidden: matrixResult || undefined,
    };
    const call = (plugin: FunctionPlugin, ast: any, state: any): unknown =>
      (plugin as any).runFunction(ast.args, state, meta, (...args: unknown[]) => {
        const excelArgs = params.map((p, i) => {
          const omitted = i >= ast.args.length || ast.args[i]?.type === "EMPTY";
          return toExcelArg(args[i], p.dimensionality === "matrix", omitted);
        });
        return toSheet(fn.impl(...excelArgs));
      });
    methods[method] = function (ast, state) {
      return call(this, ast, state);
    };
    if (matrixResult) {
      const sizeMethod = `${method}_size`;
      meta.sizeOfResultArrayMethod = sizeMethod;
      methods[sizeMethod] = function (ast, state) {
        const r = call(this, ast, state);
        if (r instanceof SimpleRangeValue) return new ArraySize(r.width(), r.height());
        return ArraySize.scalar();
      };
    }
    implemented[name] = meta;
  }

  class CustomFunctionsPlugin extends FunctionPlugin {
    static implementedFunctions = implemented;
  }
  Object.assign(CustomFunctionsPlugin.prototype, methods);

  const enNames = Object.fromEntries(names.map((n) => [n, n]));
  return {
    plugin: CustomFunctionsPlugin as unknown as FunctionPluginDefinition,
    translations: { enGB: enNames, enUS: enNames },
    names,
  };
}

/** A HyperFormula engine (Excel-compatible settings) with the custom functions registered. */
export function buildEngine(
  fns: LoadedFunction[],
  sheets: Record<string, unknown[][]>,
  opts: AdapterOptions = {}
): HyperFormula {
  const { plugin, translations } = makePlugin(fns, opts);
  HyperFormula.registerFunctionPlugin(plugin, translations);
  try {
    return HyperFormula.buildFromSheets(sheets as never, {
      licenseKey: "gpl-v3",
      // Excel 365: a range given to a scalar parameter is lifted and spills (dynamic arrays)
      useArrayArithmetic: true,
      // Excel's date system and rounding of displayed values
      nullDate: { year: 1899, month: 12, day: 30 },
      leapYear1900: true,
      smartRounding: false,
    });
  } finally {
    HyperFormula.unregisterFunctionPlugin(plugin);
  }
}
