/**
 * A test host for the task pane: `window.Office`, `window.Excel`, `window.OfficeExtension`
 * and `window.CustomFunctions` over an in-memory workbook, with the semantics of Office.js
 * proxies that matter for correctness:
 *
 * - every property and method call is queued and only reaches the workbook at
 *   `context.sync()` (in order); a failing request rejects that sync with an
 *   OfficeExtension.Error (code ItemNotFound, InvalidArgument…) and drops the rest of the batch;
 * - a property can only be read after `load()` + `sync()` (else PropertyNotLoaded, as in Excel);
 * - values written under a non-text number format are interpreted as Excel does when a user
 *   types them: "=…", "+…", "-…", "@…" become formulas, numeric and date text become numbers,
 *   "TRUE"/"FALSE" logical values — so a writer that forgets the "@" format is caught;
 *   null in a 2-D write leaves the cell unchanged; "" clears it;
 * - limits of Excel on the web (Microsoft's "Resource limits and performance optimization for
 *   Office Add-ins", section Excel add-ins: request and response payloads ≤ 5 MB; a range read
 *   ≤ 5,000,000 cells): a request above 5 MB fails (RequestPayloadSizeLimitExceeded), a response
 *   above 5 MB fails (ResponsePayloadSizeLimitExceeded), a read of more than 5,000,000 cells fails;
 *   the bytes are counted as office.js serializes a request — one object path (+ its instantiate
 *   action) per proxy, one action per property set, method call or load, their arguments as JSON —
 *   with constants calibrated against Microsoft's own office.js (test/excel/calibration.test.ts:
 *   this host's count is an upper bound of the real request body for every operation kind);
 * - cell-level writes (values, formulas, numberFormat, fills, fonts) to an unbounded range
 *   ("C:E", "2:3") fail: Microsoft's "Read or write to an unbounded range" says Excel refuses them;
 * - any member the add-in touches that this host does not implement is recorded in
 *   `__fakeHost.unsupported` and throws, so a gap in the fake is reported, never silent.
 *
 * The whole module is self-contained (no imports): the browser tests transpile this file and
 * run `installFakeHost(window, seed)` in the page before any script (page.addInitScript);
 * jest tests run it in Node over a plain object.
 */

export type SeedValue = string | number | boolean | null;

export interface SeedCell {
  v?: SeedValue;
  f?: string;
  nf?: string;
  fill?: string;
  bold?: boolean;
}

export interface SeedSheet {
  name: string;
  /** [row, col, cell], 0-based */
  cells: [number, number, SeedCell][];
  colWidths?: Record<number, number>;
  freezeRows?: number;
  freezeCols?: number;
  visibility?: "Visible" | "Hidden" | "VeryHidden";
}

export interface SeedTable {
  name: string;
  sheet: string;
  /** "A1:D10", header row included */
  ref: string;
}

export interface HostSeed {
  sheets: SeedSheet[];
  tables?: SeedTable[];
  activeSheet?: string;
  /** Office.context.document.settings */
  settings?: Record<string, unknown>;
  displayLanguage?: string;
  /** ExcelApi minor versions supported (default 17) */
  excelApiMinor?: number;
}

export interface ExportCell {
  v: SeedValue;
  f?: string;
  /** the cell's effective number format (its own, else its column's), when not General */
  nf?: string;
  /** fill colour, when the cell has a fill */
  fill?: string;
  /** fill pattern, when not Solid */
  fillPattern?: string;
  bold?: boolean;
}

export interface ExportSheet {
  name: string;
  position: number;
  visibility: string;
  cells: Record<string, ExportCell>;
  freezeRows: number;
  freezeCols: number;
  /** column index → width in points (Office.js unit) */
  colWidths: Record<number, number>;
  /** column index → number format set on the whole column */
  colFormats: Record<number, string>;
  dataValidations: { address: string; rule: unknown }[];
  /** (issue 19) 0-based rows above which a manual page break was added (horizontalPageBreaks.add, ExcelApi 1.9) */
  pageBreaks?: number[];
  /** charts added by the add-in (worksheet.charts.add), in order */
  charts?: ExportChart[];
}

/** A chart as the add-in made it: type, source block, series by, title, position (cells), legend, reversed categories. */
export interface ExportChart {
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  start: string | null;
  end: string | null;
  legendVisible: boolean;
  reversePlotOrder: boolean;
}

export interface SyncRecord {
  /** the operation counter at the time (see beginOperation) */
  operation: string | null;
  /** request bytes (as office.js serializes them; an upper bound, see COST) */
  bytes: number;
  /** response bytes: the JSON of every loaded value, plus a fixed part per result */
  responseBytes: number;
  ops: number;
  /** time (ms) this host spent running the request: Excel's share of the wall time, not the add-in's */
  hostMs: number;
  /** when the host started running it (performance.now()) */
  hostAt: number;
}

export interface FakeHostApi {
  exportWorkbook(): ExportSheet[];
  sheetNames(): string[];
  /** the last selection made by the add-in (range.select()), with its sheet */
  selection: { sheet: string; address: string } | null;
  selectionHistory: { sheet: string; address: string }[];
  activeSheet(): string;
  syncs: SyncRecord[];
  /** names a group of syncs, so a test can count the syncs of one user action */
  beginOperation(name: string | null): void;
  unsupported: string[];
  errors: string[];
  associated: Record<string, (...args: any[]) => any>;
  calculations: string[];
  settings: Record<string, unknown>;
  settingsSaved: number;
  /** simulates the user selecting a range: fires the selection-changed handlers */
  userSelect(sheet: string, address: string): Promise<void>;
  /** simulates the user typing into cells (values as Excel would interpret them) */
  userEdit(sheet: string, address: string, values: SeedValue[][]): void;
  maxRequestBytes: number;
  maxResponseBytes: number;
  /** ranges merged (Range.merge), as "sheet!A1:H1" */
  merges: string[];
}

/**
 * Bytes this host counts per request, calibrated on Microsoft's office.js (excel-web-16.00.js):
 * the real body is `{"Actions":[…],"ObjectPaths":{…}}`; every proxy an action touches adds one
 * object path (`"7":{"Id":7,"ObjectPathType":3,"Name":"GetRange","ParentObjectPathId":5,
 * "ArgumentInfo":{"Arguments":["A1:B2"]}}`, ≈ 110 bytes + its arguments with 7-digit ids) and one
 * instantiate action (≈ 60 bytes); a property set, method call or load adds one action (≈ 100 bytes
 * + its arguments + the "L" list of the paths it refers to). Counted here: `path` per proxy made
 * (with its arguments), `action` per queued call (with its arguments), `request` once per sync for
 * the workbook/worksheets/sheet paths a request re-sends for proxies made before it.
 */
export const COST = { request: 1000, path: 200, action: 200, result: 60 };

export function installFakeHost(win: any, seed: HostSeed): FakeHostApi {
  // ------------------------------------------------------------------ addresses
  const MAX_ROWS = 1048576;
  const MAX_COLS = 16384;
  const PAYLOAD_LIMIT = 5 * 1024 * 1024;

  function colName(c: number): string {
    let s = "";
    let n = c + 1;
    while (n > 0) {
      const m = (n - 1) % 26;
      s = String.fromCharCode(65 + m) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  }
  function colIndex(letters: string): number {
    let n = 0;
    for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
    return n - 1;
  }
  function a1(r: number, c: number): string {
    return `${colName(c)}${r + 1}`;
  }
  interface Rect {
    r0: number;
    c0: number;
    r1: number;
    c1: number;
  }
  function rectAddress(x: Rect): string {
    const full = x.r0 === 0 && x.r1 === MAX_ROWS - 1;
    const fullRow = x.c0 === 0 && x.c1 === MAX_COLS - 1;
    if (full && !fullRow) return `${colName(x.c0)}:${colName(x.c1)}`;
    if (fullRow && !full) return `${x.r0 + 1}:${x.r1 + 1}`;
    const s = a1(x.r0, x.c0);
    return x.r0 === x.r1 && x.c0 === x.c1 ? s : `${s}:${a1(x.r1, x.c1)}`;
  }
  function quoteSheet(name: string): string {
    const plainName =
      /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) &&
      !/^[A-Za-z]{1,3}\d+$/.test(name) &&
      !/^R\d*C\d*$/i.test(name);
    return plainName ? name : `'${name.replace(/'/g, "''")}'`;
  }
  function parseRef(ref: string): Rect | null {
    const s = ref.replace(/\$/g, "").trim().toUpperCase();
    let m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(s);
    if (m) {
      const r0 = +m[2] - 1,
        c0 = colIndex(m[1]);
      const r1 = m[3] ? +m[4] - 1 : r0,
        c1 = m[3] ? colIndex(m[3]) : c0;
      return norm({ r0, c0, r1, c1 });
    }
    m = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(s);
    if (m) return norm({ r0: 0, r1: MAX_ROWS - 1, c0: colIndex(m[1]), c1: colIndex(m[2]) });
    m = /^(\d+):(\d+)$/.exec(s);
    if (m) return norm({ r0: +m[1] - 1, r1: +m[2] - 1, c0: 0, c1: MAX_COLS - 1 });
    return null;
  }
  function norm(x: Rect): Rect | null {
    const r = {
      r0: Math.min(x.r0, x.r1),
      r1: Math.max(x.r0, x.r1),
      c0: Math.min(x.c0, x.c1),
      c1: Math.max(x.c0, x.c1),
    };
    if (r.r0 < 0 || r.c0 < 0 || r.r1 >= MAX_ROWS || r.c1 >= MAX_COLS) return null;
    return r;
  }
  /** "Sheet1!A1:B2" / "'My sheet'!A1" → sheet name and rect */
  function splitSheet(address: string): { sheet: string | null; ref: string } {
    const i = address.lastIndexOf("!");
    if (i < 0) return { sheet: null, ref: address };
    let sheet = address.slice(0, i);
    if (sheet.startsWith("'") && sheet.endsWith("'"))
      sheet = sheet.slice(1, -1).replace(/''/g, "'");
    return { sheet, ref: address.slice(i + 1) };
  }

  // ------------------------------------------------------------------ errors
  class OfficeError extends Error {
    code: string;
    debugInfo: any;
    traceMessages: string[] = [];
    innerError: any = null;
    httpStatusCode = 400;
    constructor(code: string, message: string) {
      super(message);
      this.name = "RichApi.Error";
      this.code = code;
      this.debugInfo = { code, message, errorLocation: "" };
    }
  }
  const ErrorCodes = {
    accessDenied: "AccessDenied",
    apiNotFound: "ApiNotFound",
    generalException: "GeneralException",
    insertDeleteConflict: "InsertDeleteConflict",
    invalidArgument: "InvalidArgument",
    invalidBinding: "InvalidBinding",
    invalidOperation: "InvalidOperation",
    invalidReference: "InvalidReference",
    invalidSelection: "InvalidSelection",
    itemAlreadyExists: "ItemAlreadyExists",
    itemNotFound: "ItemNotFound",
    notImplemented: "NotImplemented",
    propertyNotLoaded: "PropertyNotLoaded",
    requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
    unsupportedOperation: "UnsupportedOperation",
  };
  function fail(code: string, message: string): never {
    throw new OfficeError(code, message);
  }

  // ------------------------------------------------------------------ model
  interface Fill {
    color: string;
    pattern: string;
    patternColor?: string;
    tintAndShade?: number;
    patternTintAndShade?: number;
  }
  interface Cell {
    v: SeedValue;
    f?: string;
    nf?: string;
    fill?: Fill;
    bold?: boolean;
    italic?: boolean;
    fontColor?: string;
  }
  interface Sheet {
    id: string;
    name: string;
    visibility: string;
    cells: Map<number, Cell>;
    colWidths: Map<number, number>;
    colFormats: Map<number, string>;
    rowHeights: Map<number, number>;
    freezeRows: number;
    freezeCols: number;
    tabColor: string;
    dataValidations: { address: string; rule: unknown }[];
    pageBreaks: number[];
    charts: ExportChart[];
    selectionHandlers: ((e: any) => any)[];
    changedHandlers: ((e: any) => any)[];
  }
  const KEY = (r: number, c: number) => r * MAX_COLS + c;
  const book = {
    sheets: [] as Sheet[],
    active: null as Sheet | null,
    tables: [] as { name: string; sheet: Sheet; rect: Rect; id: string }[],
    selectionHandlers: [] as ((e: any) => any)[],
    collectionSelectionHandlers: [] as ((e: any) => any)[],
    nextId: 1,
  };
  const api: FakeHostApi = {
    exportWorkbook,
    sheetNames: () => book.sheets.map((s) => s.name),
    selection: null,
    selectionHistory: [],
    activeSheet: () => (book.active ? book.active.name : ""),
    syncs: [],
    beginOperation(name) {
      currentOperation = name;
    },
    unsupported: [],
    errors: [],
    associated: {},
    calculations: [],
    settings: { ...(seed.settings ?? {}) },
    settingsSaved: 0,
    userSelect,
    userEdit,
    maxRequestBytes: 0,
    merges: [],
    maxResponseBytes: 0,
  };
  let currentOperation: string | null = null;

  function newSheet(name: string): Sheet {
    return {
      id: `{00000000-0001-0000-0000-${String(book.nextId++).padStart(12, "0")}}`,
      name,
      visibility: "Visible",
      cells: new Map(),
      colWidths: new Map(),
      colFormats: new Map(),
      rowHeights: new Map(),
      freezeRows: 0,
      freezeCols: 0,
      tabColor: "",
      dataValidations: [],
      pageBreaks: [],
      charts: [],
      selectionHandlers: [],
      changedHandlers: [],
    };
  }
  for (const s of seed.sheets) {
    const sh = newSheet(s.name);
    sh.visibility = s.visibility ?? "Visible";
    for (const [r, c, cell] of s.cells)
      sh.cells.set(KEY(r, c), {
        v: cell.v ?? null,
        f: cell.f,
        nf: cell.nf,
        fill: cell.fill ? { color: cell.fill, pattern: "Solid" } : undefined,
        bold: cell.bold,
      });
    for (const [c, w] of Object.entries(s.colWidths ?? {})) sh.colWidths.set(+c, w);
    sh.freezeRows = s.freezeRows ?? 0;
    sh.freezeCols = s.freezeCols ?? 0;
    book.sheets.push(sh);
  }
  book.active = book.sheets.find((s) => s.name === seed.activeSheet) ?? book.sheets[0] ?? null;
  for (const t of seed.tables ?? []) {
    const sh = book.sheets.find((s) => s.name === t.sheet);
    const rect = parseRef(t.ref);
    if (sh && rect) book.tables.push({ name: t.name, sheet: sh, rect, id: String(book.nextId++) });
  }

  function sheetByName(name: string): Sheet | undefined {
    const k = name.toLowerCase();
    return book.sheets.find((s) => s.name.toLowerCase() === k || s.id === name);
  }
  function isEmptyCell(c: Cell | undefined): boolean {
    return !c || ((c.v === null || c.v === "") && !c.f);
  }
  function hasFormat(c: Cell | undefined): boolean {
    return !!c && (!!c.fill || !!c.bold || !!c.italic || !!c.fontColor || !!c.nf);
  }
  function usedRect(sh: Sheet, valuesOnly: boolean): Rect | null {
    let r0 = Infinity,
      c0 = Infinity,
      r1 = -1,
      c1 = -1;
    for (const [k, cell] of sh.cells) {
      if (isEmptyCell(cell) && (valuesOnly || !hasFormat(cell))) continue;
      const r = Math.floor(k / MAX_COLS),
        c = k % MAX_COLS;
      r0 = Math.min(r0, r);
      c0 = Math.min(c0, c);
      r1 = Math.max(r1, r);
      c1 = Math.max(c1, c);
    }
    return r1 < 0 ? null : { r0, c0, r1, c1 };
  }
  function getCell(sh: Sheet, r: number, c: number): Cell | undefined {
    return sh.cells.get(KEY(r, c));
  }
  function cellFor(sh: Sheet, r: number, c: number): Cell {
    let cell = sh.cells.get(KEY(r, c));
    if (!cell) {
      cell = { v: null };
      sh.cells.set(KEY(r, c), cell);
    }
    return cell;
  }
  function pruneCell(sh: Sheet, r: number, c: number) {
    const cell = sh.cells.get(KEY(r, c));
    if (cell && isEmptyCell(cell) && !hasFormat(cell)) sh.cells.delete(KEY(r, c));
  }

  // Excel's interpretation of typed text (a cell not formatted as text)
  const DATE_RE = [/^(\d{4})-(\d{1,2})-(\d{1,2})$/, /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/];
  function serialOf(y: number, m: number, d: number): number | null {
    const t = Date.UTC(y, m - 1, d);
    const back = new Date(t);
    if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d)
      return null;
    return Math.round((t - Date.UTC(1899, 11, 30)) / 86400000);
  }
  function interpretTyped(cell: Cell, s: string, nf: string | undefined): void {
    cell.f = undefined;
    if (nf === "@") {
      cell.v = s;
      return;
    }
    if (s === "") {
      cell.v = null;
      return;
    }
    if (s.startsWith("'")) {
      cell.v = s.slice(1);
      return;
    }
    const t = s.trim();
    if (
      /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(t) ||
      /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(t)
    ) {
      cell.v = Number(t.replace(/,/g, ""));
      return;
    }
    if (/^[+-]?(\d+(\.\d*)?|\.\d+)%$/.test(t)) {
      cell.v = Number(t.slice(0, -1)) / 100;
      if (!nf || nf === "General") cell.nf = "0%";
      return;
    }
    for (const re of DATE_RE) {
      const m = re.exec(t);
      if (m) {
        const serial = serialOf(+m[1], +m[2], +m[3]);
        if (serial !== null) {
          cell.v = serial;
          if (!nf || nf === "General") cell.nf = "yyyy/m/d";
          return;
        }
      }
    }
    if (/^(true|false)$/i.test(t)) {
      cell.v = t.toUpperCase() === "TRUE";
      return;
    }
    if (/^[=+\-@]/.test(s) && s.length > 1) {
      cell.f = s.startsWith("=") ? s : `=${s}`;
      // the fake does not calculate: a formula's value is unknown until Excel computes it
      cell.v = "#FAKE_UNCALCULATED";
      return;
    }
    cell.v = s;
  }
  function writeValue(cell: Cell, v: unknown, asFormula: boolean, nf: string | undefined): void {
    if (typeof v === "number") {
      if (!Number.isFinite(v))
        fail(
          ErrorCodes.invalidArgument,
          `The argument is invalid or missing or has an incorrect format. (value ${v})`
        );
      cell.v = v;
      cell.f = undefined;
    } else if (typeof v === "boolean") {
      cell.v = v;
      cell.f = undefined;
    } else if (typeof v === "string") {
      if (asFormula && v.startsWith("=") && v.length > 1) {
        cell.f = v;
        cell.v = "#FAKE_UNCALCULATED";
      } else interpretTyped(cell, v, nf);
    } else
      fail(
        ErrorCodes.invalidArgument,
        `The argument is invalid or missing or has an incorrect format. (${typeof v} in a cell)`
      );
  }

  // ------------------------------------------------------------------ unsupported members
  const PASS = new Set([
    "then",
    "toJSON",
    "constructor",
    "$$typeof",
    "nodeType",
    "asymmetricMatch",
    "tagName",
    "@@toStringTag",
    "length",
    "_isFakeProxy",
  ]);
  function guard<T extends object>(obj: T, kind: string): T {
    return new Proxy(obj, {
      get(target: any, prop, receiver) {
        if (typeof prop === "symbol" || prop in target || PASS.has(prop))
          return Reflect.get(target, prop, receiver);
        const name = `${kind}.${prop}`;
        if (!api.unsupported.includes(name)) api.unsupported.push(name);
        throw new TypeError(
          `测试宿主未实现 ${name}（the fake Excel host does not implement ${name}）`
        );
      },
      set(target: any, prop, value, receiver) {
        if (typeof prop === "symbol" || prop in target)
          return Reflect.set(target, prop, value, receiver);
        const name = `${kind}.${prop}`;
        if (!api.unsupported.includes(name)) api.unsupported.push(name);
        throw new TypeError(
          `测试宿主未实现 ${name}（the fake Excel host does not implement ${name}）`
        );
      },
    });
  }

  // ------------------------------------------------------------------ request context
  function utf8Length(s: string): number {
    let n = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) n += 1;
      else if (c < 0x800) n += 2;
      else if (c >= 0xd800 && c <= 0xdbff) {
        n += 4;
        i++;
      } else n += 3;
    }
    return n;
  }
  type Op = { run: () => void; bytes: number };
  function jsonBytes(x: unknown): number {
    return x === undefined ? 0 : utf8Length(JSON.stringify(x) ?? "");
  }
  class RequestContext {
    _queue: Op[] = [];
    /** bytes of the object paths made since the last sync */
    _pathBytes = 0;
    /** bytes of the results of the request being run */
    _responseBytes = 0;
    /** the proxy whose property is being set (its depth of child paths: format 1, fill 2) */
    _owner: { _depth?: number; _chargedIn?: number } | null = null;
    /** the number of the request being queued (a proxy's child paths are sent once per request) */
    _requestNo = 0;
    workbook: any;
    application: any;
    trackedObjects = { add() {}, remove() {} };
    runtime: any;
    constructor() {
      this.workbook = makeWorkbook(this);
      this.application = this.workbook.application;
      this.runtime = guard({ load() {}, enableEvents: true }, "Runtime");
      return guard(this, "RequestContext");
    }
    _enqueue(run: () => void, payload?: unknown, paths?: number) {
      let p = paths ?? 0;
      const owner = this._owner;
      if (paths === undefined && owner && owner._chargedIn !== this._requestNo) {
        p = owner._depth ?? 0;
        owner._chargedIn = this._requestNo;
      }
      this._queue.push({ run, bytes: COST.action + p * COST.path + jsonBytes(payload) });
    }
    /** a proxy made by a method (getItem, getRange, add…): its object path and instantiate action */
    _charge() {
      this._pathBytes += COST.path;
    }
    /** the arguments of the method that made a proxy (the address of getRange, the name of getItem) */
    _chargeArgs(args: unknown) {
      this._pathBytes += jsonBytes(args);
    }
    /** a value going back in the response */
    _respond(value: unknown) {
      this._responseBytes += COST.result + jsonBytes(value);
    }
    load(obj: any, props?: any) {
      obj.load(props);
      return obj;
    }
    sync(passThrough?: any): Promise<any> {
      const ops = this._queue;
      this._queue = [];
      const bytes =
        ops.length === 0
          ? 0
          : COST.request + this._pathBytes + ops.reduce((s, o) => s + o.bytes, 0);
      this._pathBytes = 0;
      this._requestNo++;
      const record: SyncRecord = {
        operation: currentOperation,
        bytes,
        responseBytes: 0,
        ops: ops.length,
        hostMs: 0,
        hostAt: 0,
      };
      api.syncs.push(record);
      api.maxRequestBytes = Math.max(api.maxRequestBytes, bytes);
      return new Promise((resolve, reject) => {
        setTimeout(() => {
          if (bytes > PAYLOAD_LIMIT) {
            const e = new OfficeError(
              ErrorCodes.requestPayloadSizeLimitExceeded,
              `The request payload size has exceeded the limit (${bytes} bytes).`
            );
            api.errors.push(`${e.code}: ${e.message}`);
            reject(e);
            return;
          }
          const t0 = performance.now();
          record.hostAt = t0;
          try {
            this._responseBytes = 0;
            for (const op of ops) op.run();
            record.hostMs = performance.now() - t0;
            record.responseBytes = this._responseBytes;
            api.maxResponseBytes = Math.max(api.maxResponseBytes, this._responseBytes);
            if (this._responseBytes > PAYLOAD_LIMIT) {
              // Excel on the web has run the request; only its answer is refused
              const e = new OfficeError(
                "ResponsePayloadSizeLimitExceeded",
                `The response payload size has exceeded the limit (${this._responseBytes} bytes).`
              );
              api.errors.push(`${e.code}: ${e.message}`);
              reject(e);
              return;
            }
            resolve(passThrough);
          } catch (e: any) {
            api.errors.push(`${e.code ?? e.name}: ${e.message}`);
            reject(e);
          }
        }, 0);
      });
    }
  }

  // a loaded snapshot of scalar properties, read back through getters
  function parseLoad(spec: any): {
    props: string[];
    nested: Record<string, string[]>;
    all: boolean;
  } {
    const out = { props: [] as string[], nested: {} as Record<string, string[]>, all: false };
    let list: string[] = [];
    if (spec === undefined || spec === null || spec === "" || spec === "*") {
      out.all = true;
      return out;
    }
    if (typeof spec === "string") list = spec.split(",");
    else if (Array.isArray(spec)) list = spec;
    else if (typeof spec === "object") {
      if (spec.select) list = String(spec.select).split(",");
      else {
        // { values: true, format: { fill: { color: true } } }
        const walk = (o: any, prefix: string) => {
          for (const [k, v] of Object.entries(o)) {
            if (v && typeof v === "object") walk(v, `${prefix}${k}/`);
            else if (v) list.push(`${prefix}${k}`);
          }
        };
        walk(spec, "");
      }
      if (spec.expand) list.push(...String(spec.expand).split(","));
    }
    for (const raw of list) {
      const p = raw.trim();
      if (!p) continue;
      const i = p.indexOf("/");
      if (i < 0) out.props.push(p);
      else {
        const head = p.slice(0, i);
        (out.nested[head] ??= []).push(p.slice(i + 1));
      }
    }
    return out;
  }

  /** Base of every proxy: loading and reading of scalar properties. */
  class ClientObject {
    _ctx: RequestContext;
    _kind: string;
    _loaded: Record<string, unknown> = {};
    _props: string[];
    _children: Record<string, () => any> = {};
    _isFakeProxy = true;
    /** child object paths below the proxy made by a method (range.format 1, range.format.fill 2) */
    _depth = 0;
    _chargedIn = -1;
    constructor(ctx: RequestContext, kind: string, props: string[]) {
      this._ctx = ctx;
      this._kind = kind;
      this._props = props;
    }
    get context() {
      return this._ctx;
    }
    /** the current values of the loadable scalar properties */
    _snapshot(_props: string[]): Record<string, unknown> {
      return {};
    }
    load(spec?: any) {
      const { props, nested, all } = parseLoad(spec);
      const wanted = all ? this._props : props;
      for (const p of wanted) {
        if (!this._props.includes(p) && !(p in this._children) && p !== "items") {
          const name = `${this._kind}.${p}`;
          if (!api.unsupported.includes(name)) api.unsupported.push(name);
          throw new TypeError(
            `测试宿主未实现 ${name}（the fake Excel host does not implement ${name}）`
          );
        }
      }
      const scalar = wanted.filter((p) => this._props.includes(p));
      for (const p of wanted.filter((p) => p in this._children))
        (this._children[p]() as ClientObject).load();
      for (const [head, sub] of Object.entries(nested)) {
        if (head in this._children) (this._children[head]() as ClientObject).load(sub.join(","));
        else this._loadNested(head, sub);
      }
      this._ctx._owner = this;
      try {
        this._ctx._enqueue(() => {
          const snap = this._snapshot(scalar);
          this._ctx._respond(snap);
          Object.assign(this._loaded, snap);
        }, scalar);
      } finally {
        this._ctx._owner = null;
      }
      return this;
    }
    _loadNested(head: string, _sub: string[]) {
      const name = `${this._kind}.${head}`;
      if (!api.unsupported.includes(name)) api.unsupported.push(name);
      throw new TypeError(
        `测试宿主未实现 ${name}（the fake Excel host does not implement ${name}）`
      );
    }
    _get(p: string): any {
      if (!(p in this._loaded)) {
        fail(
          ErrorCodes.propertyNotLoaded,
          `The property '${p}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
        );
      }
      return this._loaded[p];
    }
    set(props: Record<string, any>) {
      for (const [k, v] of Object.entries(props)) {
        if (v && typeof v === "object" && !Array.isArray(v) && k in this._children)
          (this._children[k]() as ClientObject).set(v);
        else (this as any)[k] = v;
      }
    }
    toJSON() {
      return { ...this._loaded };
    }
    track() {
      return this;
    }
    untrack() {
      return this;
    }
  }
  function defineProps(
    cls: any,
    props: string[],
    setters: Record<string, (self: any, v: any) => void> = {}
  ) {
    for (const p of props) {
      Object.defineProperty(cls.prototype, p, {
        configurable: true,
        get(this: ClientObject) {
          return this._get(p);
        },
        set(this: ClientObject, v: any) {
          const s = setters[p];
          if (!s) fail(ErrorCodes.invalidOperation, `The property '${p}' is read-only.`);
          this._ctx._owner = this;
          try {
            s(this, v);
          } finally {
            this._ctx._owner = null;
          }
        },
      });
    }
  }

  class ClientResult {
    _value: any;
    _set = false;
    get value() {
      if (!this._set)
        fail(
          ErrorCodes.propertyNotLoaded,
          'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.'
        );
      return this._value;
    }
    _resolve(v: any) {
      this._value = v;
      this._set = true;
    }
  }

  // ------------------------------------------------------------------ event handlers
  function makeEvent(ctx: RequestContext, list: () => ((e: any) => any)[], kind: string) {
    return guard(
      {
        add(handler: (e: any) => any) {
          const result = guard(
            {
              context: ctx,
              remove() {
                ctx._enqueue(() => {
                  const l = list();
                  const i = l.indexOf(handler);
                  if (i >= 0) l.splice(i, 1);
                });
              },
            },
            "EventHandlerResult"
          );
          ctx._enqueue(() => {
            list().push(handler);
          });
          return result;
        },
        remove(handler: (e: any) => any) {
          ctx._enqueue(() => {
            const l = list();
            const i = l.indexOf(handler);
            if (i >= 0) l.splice(i, 1);
          });
        },
      },
      kind
    );
  }

  // ------------------------------------------------------------------ workbook
  function makeWorkbook(ctx: RequestContext): any {
    const application = makeApplication(ctx);
    const worksheets = makeWorksheets(ctx);
    const tables = makeTables(ctx, () => null);
    const wb: any = {
      worksheets,
      application,
      tables,
      getSelectedRange() {
        return makeRange(ctx, () => {
          const sel = api.selection;
          const sh = sel ? sheetByName(sel.sheet) : book.active;
          if (!sh) fail(ErrorCodes.itemNotFound, "No sheet.");
          const rect = sel ? parseRef(sel.address) : { r0: 0, c0: 0, r1: 0, c1: 0 };
          return { sheet: sh, rect: rect! };
        });
      },
      getActiveCell() {
        return wb.getSelectedRange().getCell(0, 0);
      },
      onSelectionChanged: makeEvent(
        ctx,
        () => book.selectionHandlers,
        "Workbook.onSelectionChanged"
      ),
      load() {
        return wb;
      },
    };
    return guard(wb, "Workbook");
  }

  function makeApplication(ctx: RequestContext): any {
    class Application extends ClientObject {
      constructor() {
        super(ctx, "Application", ["calculationMode"]);
      }
      _snapshot() {
        return { calculationMode: "Automatic" };
      }
      calculate(type: string) {
        ctx._enqueue(() => {
          api.calculations.push(`calculate:${type}`);
        });
      }
      suspendApiCalculationUntilNextSync() {
        ctx._enqueue(() => {
          api.calculations.push("suspendApiCalculationUntilNextSync");
        });
      }
      suspendScreenUpdatingUntilNextSync() {
        ctx._enqueue(() => {
          api.calculations.push("suspendScreenUpdatingUntilNextSync");
        });
      }
    }
    defineProps(Application, ["calculationMode"]);
    return guard(new Application(), "Application");
  }

  function makeWorksheets(ctx: RequestContext): any {
    class WorksheetCollection extends ClientObject {
      _items: any[] | null = null;
      onSelectionChanged = makeEvent(
        ctx,
        () => book.collectionSelectionHandlers,
        "WorksheetCollection.onSelectionChanged"
      );
      onChanged = makeEvent(ctx, () => [], "WorksheetCollection.onChanged");
      onAdded = makeEvent(ctx, () => [], "WorksheetCollection.onAdded");
      onActivated = makeEvent(ctx, () => [], "WorksheetCollection.onActivated");
      constructor() {
        super(ctx, "WorksheetCollection", []);
      }
      get items() {
        if (this._items === null)
          fail(
            ErrorCodes.propertyNotLoaded,
            "The property 'items' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context."
          );
        return this._items;
      }
      load(spec?: any) {
        const { props, nested, all } = parseLoad(spec);
        const itemProps = [...props.filter((p) => p !== "items"), ...(nested.items ?? [])];
        const loadAll = all || (props.includes("items") && itemProps.length === 0);
        ctx._enqueue(() => {
          this._items = book.sheets.map((sh) => {
            const ws = makeWorksheet(ctx, () => sh);
            const snap = (ws as any)._snapshotFor(
              sh,
              loadAll ? WS_PROPS : itemProps.filter((p) => WS_PROPS.includes(p))
            );
            Object.assign((ws as any)._loaded, snap);
            return ws;
          });
        });
        return this;
      }
      getItem(key: string) {
        ctx._chargeArgs([key]);
        return makeWorksheet(
          ctx,
          () =>
            sheetByName(key) ??
            fail(
              ErrorCodes.itemNotFound,
              `The requested resource doesn't exist. (worksheet "${key}")`
            )
        );
      }
      getItemOrNullObject(key: string) {
        ctx._chargeArgs([key]);
        return makeWorksheet(ctx, () => sheetByName(key) ?? null, true);
      }
      getActiveWorksheet() {
        return makeWorksheet(
          ctx,
          () => book.active ?? fail(ErrorCodes.itemNotFound, "No active worksheet.")
        );
      }
      getFirst() {
        return makeWorksheet(
          ctx,
          () => book.sheets[0] ?? fail(ErrorCodes.itemNotFound, "No worksheet.")
        );
      }
      getLast() {
        return makeWorksheet(
          ctx,
          () =>
            book.sheets[book.sheets.length - 1] ?? fail(ErrorCodes.itemNotFound, "No worksheet.")
        );
      }
      getCount() {
        const r = new ClientResult();
        ctx._enqueue(() => r._resolve(book.sheets.length));
        return r;
      }
      add(name?: string) {
        let created: Sheet | null = null;
        ctx._enqueue(() => {
          let n = name;
          if (n === undefined || n === null || n === "") {
            let i = book.sheets.length + 1;
            while (sheetByName(`Sheet${i}`)) i++;
            n = `Sheet${i}`;
          }
          if (
            typeof n !== "string" ||
            n.length > 31 ||
            /[\\/?*[\]:]/.test(n) ||
            /^'|'$/.test(n) ||
            n.trim() === ""
          ) {
            fail(
              ErrorCodes.invalidArgument,
              `The argument is invalid or missing or has an incorrect format. (sheet name "${n}")`
            );
          }
          if (sheetByName(n))
            fail(
              ErrorCodes.itemAlreadyExists,
              `A resource with the same name or identifier already exists. (worksheet "${n}")`
            );
          created = newSheet(n);
          book.sheets.push(created);
        }, name);
        return makeWorksheet(
          ctx,
          () => created ?? fail(ErrorCodes.itemNotFound, "The worksheet was not created.")
        );
      }
    }
    return guard(new WorksheetCollection(), "WorksheetCollection");
  }

  const WS_PROPS = ["name", "id", "position", "visibility", "tabColor", "showGridlines"];

  function makeWorksheet(ctx: RequestContext, resolve: () => Sheet | null, nullable = false): any {
    ctx._charge();
    const target = (): Sheet => {
      const sh = resolve();
      if (!sh)
        fail(ErrorCodes.itemNotFound, "The requested resource doesn't exist. (null worksheet)");
      return sh;
    };
    class Worksheet extends ClientObject {
      freezePanes: any;
      horizontalPageBreaks: any;
      tables: any;
      charts: any;
      onSelectionChanged: any;
      onChanged: any;
      onActivated = makeEvent(ctx, () => [], "Worksheet.onActivated");
      constructor() {
        super(ctx, "Worksheet", [...WS_PROPS, "isNullObject"]);
        this.freezePanes = makeFreezePanes(ctx, target);
        this.horizontalPageBreaks = makePageBreaks(ctx, target);
        this.tables = makeTables(ctx, target);
        this.charts = makeCharts(ctx, target);
        this.onSelectionChanged = makeEvent(
          ctx,
          () => target().selectionHandlers,
          "Worksheet.onSelectionChanged"
        );
        this.onChanged = makeEvent(ctx, () => target().changedHandlers, "Worksheet.onChanged");
      }
      _snapshotFor(sh: Sheet | null, props: string[]) {
        const all: Record<string, unknown> = sh
          ? {
              name: sh.name,
              id: sh.id,
              position: book.sheets.indexOf(sh),
              visibility: sh.visibility,
              tabColor: sh.tabColor,
              showGridlines: true,
              isNullObject: false,
            }
          : { isNullObject: true };
        const out: Record<string, unknown> = {};
        for (const p of props) if (p in all) out[p] = all[p];
        if (props.includes("isNullObject") || nullable) out.isNullObject = !sh;
        return out;
      }
      _snapshot(props: string[]) {
        const sh = resolve();
        if (!sh && !nullable)
          fail(ErrorCodes.itemNotFound, "The requested resource doesn't exist.");
        if (!sh && props.some((p) => p !== "isNullObject")) {
          // Office.js: loading a property of a null object gives isNullObject true and no data
          return { isNullObject: true };
        }
        return this._snapshotFor(sh, props);
      }
      get isNullObject() {
        return this._get("isNullObject");
      }
      getRange(address?: string) {
        ctx._chargeArgs([address]);
        return makeRange(ctx, () => {
          const sh = target();
          if (address === undefined || address === "")
            return { sheet: sh, rect: { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 } };
          const { sheet, ref } = splitSheet(address);
          if (sheet !== null && sheet.toLowerCase() !== sh.name.toLowerCase())
            fail(ErrorCodes.invalidArgument, `The address "${address}" is on another sheet.`);
          const rect = parseRef(ref);
          if (!rect)
            fail(
              ErrorCodes.invalidArgument,
              `The argument is invalid or missing or has an incorrect format. (address "${address}")`
            );
          return { sheet: sh, rect };
        });
      }
      getRangeByIndexes(row: number, col: number, rows: number, cols: number) {
        return makeRange(ctx, () => {
          if (![row, col, rows, cols].every((x) => Number.isInteger(x)) || rows < 1 || cols < 1) {
            fail(
              ErrorCodes.invalidArgument,
              `The argument is invalid or missing or has an incorrect format. (getRangeByIndexes ${row},${col},${rows},${cols})`
            );
          }
          const rect = norm({ r0: row, c0: col, r1: row + rows - 1, c1: col + cols - 1 });
          if (!rect) fail(ErrorCodes.invalidArgument, "The range is outside the sheet.");
          return { sheet: target(), rect };
        });
      }
      getCell(row: number, col: number) {
        return this.getRangeByIndexes(row, col, 1, 1);
      }
      getUsedRange(valuesOnly?: boolean) {
        return makeRange(ctx, () => {
          const sh = target();
          return { sheet: sh, rect: usedRect(sh, !!valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 } };
        });
      }
      getUsedRangeOrNullObject(valuesOnly?: boolean) {
        return makeRange(
          ctx,
          () => {
            const sh = resolve();
            if (!sh) return null;
            const rect = usedRect(sh, !!valuesOnly);
            return rect ? { sheet: sh, rect } : null;
          },
          true
        );
      }
      activate() {
        ctx._enqueue(() => {
          book.active = target();
        });
      }
      delete() {
        ctx._enqueue(() => {
          const sh = target();
          if (book.sheets.length === 1)
            fail(
              ErrorCodes.invalidOperation,
              "A workbook must contain at least one visible worksheet."
            );
          book.sheets.splice(book.sheets.indexOf(sh), 1);
          if (book.active === sh) book.active = book.sheets[0];
        });
      }
      calculate(_markAllDirty: boolean) {
        ctx._enqueue(() => {
          api.calculations.push(`worksheet.calculate:${target().name}`);
        });
      }
    }
    defineProps(Worksheet, WS_PROPS, {
      name: (self, v) =>
        self._ctx._enqueue(() => {
          const sh = target();
          if (typeof v !== "string" || v.length > 31 || /[\\/?*[\]:]/.test(v) || v.trim() === "")
            fail(ErrorCodes.invalidArgument, `Invalid sheet name "${v}".`);
          const other = sheetByName(v);
          if (other && other !== sh)
            fail(
              ErrorCodes.itemAlreadyExists,
              `A resource with the same name or identifier already exists. (worksheet "${v}")`
            );
          sh.name = v;
        }),
      position: (self, v) =>
        self._ctx._enqueue(() => {
          const sh = target();
          book.sheets.splice(book.sheets.indexOf(sh), 1);
          book.sheets.splice(Math.max(0, Math.min(v, book.sheets.length)), 0, sh);
        }),
      visibility: (self, v) => self._ctx._enqueue(() => void (target().visibility = v)),
      tabColor: (self, v) => self._ctx._enqueue(() => void (target().tabColor = v)),
      showGridlines: (self) => self._ctx._enqueue(() => void target()),
    });
    return guard(new Worksheet(), "Worksheet");
  }

  /** (issue 19) Worksheet.horizontalPageBreaks (ExcelApi 1.9): add(range) puts a break above the range's top row. */
  function makePageBreaks(ctx: RequestContext, target: () => Sheet): any {
    return guard(
      {
        add(range: any) {
          ctx._chargeArgs([typeof range === "string" ? range : "range"]);
          ctx._enqueue(
            () => {
              const sh = target();
              const r = typeof range === "string" ? { rect: parseRef(range) } : range._target();
              if (!r.rect)
                fail(
                  ErrorCodes.invalidArgument,
                  `The argument is invalid or missing or has an incorrect format. (page break "${range}")`
                );
              if (!sh.pageBreaks.includes(r.rect.r0)) sh.pageBreaks.push(r.rect.r0);
            },
            undefined,
            1
          );
        },
      },
      "PageBreakCollection"
    );
  }

  function makeFreezePanes(ctx: RequestContext, target: () => Sheet): any {
    return guard(
      {
        freezeRows(n: number) {
          ctx._enqueue(
            () => {
              const sh = target();
              sh.freezeRows = n ?? 1;
              sh.freezeCols = 0;
            },
            undefined,
            1
          );
        },
        freezeColumns(n: number) {
          ctx._enqueue(
            () => {
              const sh = target();
              sh.freezeCols = n ?? 1;
              sh.freezeRows = 0;
            },
            undefined,
            1
          );
        },
        freezeAt(range: any) {
          ctx._enqueue(
            () => {
              const sh = target();
              const r =
                typeof range === "string" ? { sheet: sh, rect: parseRef(range)! } : range._target();
              sh.freezeRows = r.rect.r1 + 1;
              sh.freezeCols = r.rect.c1 + 1;
            },
            undefined,
            1
          );
        },
        unfreeze() {
          ctx._enqueue(
            () => {
              const sh = target();
              sh.freezeRows = 0;
              sh.freezeCols = 0;
            },
            undefined,
            1
          );
        },
        getLocationOrNullObject() {
          return makeRange(
            ctx,
            () => {
              const sh = target();
              if (!sh.freezeRows && !sh.freezeCols) return null;
              return {
                sheet: sh,
                rect: {
                  r0: 0,
                  c0: 0,
                  r1: Math.max(sh.freezeRows, 1) - 1,
                  c1: Math.max(sh.freezeCols, 1) - 1,
                },
              };
            },
            true
          );
        },
      },
      "WorksheetFreezePanes"
    );
  }

  /** Excel.ChartType values this host draws (the add-in uses these; others are refused as Excel would not). */
  const CHART_TYPES = [
    "ColumnClustered",
    "ColumnStacked",
    "BarClustered",
    "BarStacked",
    "Pie",
    "Line",
  ];

  function makeCharts(ctx: RequestContext, target: () => Sheet): any {
    class ChartCollection extends ClientObject {
      constructor() {
        super(ctx, "ChartCollection", ["count"]);
      }
      _snapshot() {
        return { count: target().charts.length };
      }
      add(type: string, source: any, seriesBy?: string) {
        let made: ExportChart | null = null;
        ctx._enqueue(
          () => {
            const sh = target();
            if (!CHART_TYPES.includes(type))
              fail(
                ErrorCodes.invalidArgument,
                `The argument is invalid or missing or has an incorrect format. (chart type "${type}")`
              );
            if (seriesBy !== undefined && !["Auto", "Columns", "Rows"].includes(seriesBy))
              fail(ErrorCodes.invalidArgument, `Invalid seriesBy "${seriesBy}".`);
            const r =
              typeof source === "string"
                ? { sheet: sh, rect: parseRef(source) }
                : source?._target?.();
            if (!r || !r.rect)
              fail(ErrorCodes.invalidArgument, "The chart's source data is not a range.");
            if (r.sheet !== sh)
              fail(ErrorCodes.invalidArgument, "The chart's source data is on another sheet.");
            made = {
              type,
              source: rectAddress(r.rect),
              seriesBy: seriesBy ?? "Auto",
              title: "",
              start: null,
              end: null,
              legendVisible: true,
              reversePlotOrder: false,
            };
            sh.charts.push(made);
          },
          [type, seriesBy],
          1
        );
        const chart = () => made ?? fail(ErrorCodes.itemNotFound, "The chart was not created.");
        const setter = (f: (c: ExportChart) => void, payload: unknown) =>
          ctx._enqueue(() => f(chart()), payload, 1);
        ctx._charge();
        return guard(
          {
            title: guard(
              {
                set text(v: string) {
                  setter((c) => void (c.title = String(v)), v);
                },
              },
              "ChartTitle"
            ),
            legend: guard(
              {
                set visible(v: boolean) {
                  setter((c) => void (c.legendVisible = !!v), v);
                },
              },
              "ChartLegend"
            ),
            axes: guard(
              {
                categoryAxis: guard(
                  {
                    set reversePlotOrder(v: boolean) {
                      setter((c) => void (c.reversePlotOrder = !!v), v);
                    },
                  },
                  "ChartAxis"
                ),
              },
              "ChartAxes"
            ),
            setPosition(start: string, end?: string) {
              setter(
                (c) => {
                  for (const a of [start, end])
                    if (a !== undefined && (typeof a !== "string" || !parseRef(a)))
                      fail(ErrorCodes.invalidArgument, `Invalid chart position "${a}".`);
                  c.start = start;
                  c.end = end ?? null;
                },
                [start, end]
              );
            },
          },
          "Chart"
        );
      }
    }
    return guard(new ChartCollection(), "ChartCollection");
  }

  function makeTables(ctx: RequestContext, sheetOf: () => Sheet | null): any {
    const list = () => {
      const sh = sheetOf();
      return sh ? book.tables.filter((t) => t.sheet === sh) : book.tables;
    };
    class TableCollection extends ClientObject {
      _items: any[] | null = null;
      constructor() {
        super(ctx, "TableCollection", []);
      }
      get items() {
        if (this._items === null)
          fail(ErrorCodes.propertyNotLoaded, "The property 'items' is not available.");
        return this._items;
      }
      load(_spec?: any) {
        ctx._enqueue(() => {
          this._items = list().map((t) => {
            const tb = makeTable(ctx, () => t);
            Object.assign(tb._loaded, {
              name: t.name,
              id: t.id,
              showHeaders: true,
              showTotals: false,
            });
            return tb;
          });
        });
        return this;
      }
      getItem(key: string) {
        return makeTable(
          ctx,
          () =>
            list().find((t) => t.name === key || t.id === key) ??
            fail(ErrorCodes.itemNotFound, `Table "${key}" not found.`)
        );
      }
      getItemOrNullObject(key: string) {
        return makeTable(ctx, () => list().find((t) => t.name === key || t.id === key) ?? null);
      }
      getCount() {
        const r = new ClientResult();
        ctx._enqueue(() => r._resolve(list().length));
        return r;
      }
    }
    return guard(new TableCollection(), "TableCollection");
  }

  function makeTable(ctx: RequestContext, resolve: () => (typeof book.tables)[number] | null): any {
    ctx._charge();
    const target = () => resolve() ?? fail(ErrorCodes.itemNotFound, "Table not found.");
    class Table extends ClientObject {
      constructor() {
        super(ctx, "Table", ["name", "id", "showHeaders", "showTotals", "isNullObject"]);
        let ws: any = null;
        this._children.worksheet = () => (ws ??= makeWorksheet(ctx, () => target().sheet));
      }
      _snapshot() {
        const t = resolve();
        return t
          ? { name: t.name, id: t.id, showHeaders: true, showTotals: false, isNullObject: false }
          : { isNullObject: true };
      }
      get worksheet() {
        return this._children.worksheet();
      }
      getRange() {
        return makeRange(ctx, () => ({ sheet: target().sheet, rect: target().rect }));
      }
      getHeaderRowRange() {
        return makeRange(ctx, () => {
          const t = target();
          return { sheet: t.sheet, rect: { ...t.rect, r1: t.rect.r0 } };
        });
      }
      getDataBodyRange() {
        return makeRange(ctx, () => {
          const t = target();
          return { sheet: t.sheet, rect: { ...t.rect, r0: Math.min(t.rect.r0 + 1, t.rect.r1) } };
        });
      }
    }
    defineProps(Table, ["name", "id", "showHeaders", "showTotals", "isNullObject"]);
    return guard(new Table(), "Table");
  }

  // ------------------------------------------------------------------ ranges
  interface RangeTarget {
    sheet: Sheet;
    rect: Rect;
  }
  const RANGE_PROPS = [
    "address",
    "addressLocal",
    "values",
    "formulas",
    "formulasLocal",
    "numberFormat",
    "numberFormatLocal",
    "text",
    "valueTypes",
    "rowCount",
    "columnCount",
    "cellCount",
    "rowIndex",
    "columnIndex",
    "isNullObject",
    "hidden",
    "rowHidden",
    "columnHidden",
  ];

  function cellText(cell: Cell | undefined): string {
    if (!cell || cell.v === null) return "";
    if (typeof cell.v === "boolean") return cell.v ? "TRUE" : "FALSE";
    return String(cell.v);
  }
  function valueType(cell: Cell | undefined): string {
    if (!cell || cell.v === null || cell.v === "") return "Empty";
    if (typeof cell.v === "number") return "Double";
    if (typeof cell.v === "boolean") return "Boolean";
    if (
      typeof cell.v === "string" &&
      /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!)$/.test(cell.v)
    )
      return "Error";
    return "String";
  }
  function grid<T>(t: RangeTarget, f: (cell: Cell | undefined, r: number, c: number) => T): T[][] {
    const { r0, r1, c0, c1 } = t.rect;
    const cells = (r1 - r0 + 1) * (c1 - c0 + 1);
    if (cells > 5_000_000)
      fail(ErrorCodes.generalException, `The range is too large to read (${cells} cells).`);
    const out: T[][] = [];
    for (let r = r0; r <= r1; r++) {
      const row: T[] = [];
      for (let c = c0; c <= c1; c++) row.push(f(getCell(t.sheet, r, c), r, c));
      out.push(row);
    }
    return out;
  }
  /** Applies a 2-D (or single) input to every cell of the range, null = unchanged. */
  function applyGrid(
    t: RangeTarget,
    input: any,
    prop: string,
    apply: (cell: Cell, v: any, r: number, c: number) => void
  ) {
    const rows = t.rect.r1 - t.rect.r0 + 1;
    const cols = t.rect.c1 - t.rect.c0 + 1;
    const single = !Array.isArray(input);
    if (!single) {
      if (
        input.length !== rows ||
        input.some((row: any) => !Array.isArray(row) || row.length !== cols)
      ) {
        fail(
          ErrorCodes.invalidArgument,
          `The number of rows or columns in the input array doesn't match the size or dimensions of the range. (${prop}: range ${rows}×${cols}, input ${input.length}×${Array.isArray(input[0]) ? input[0].length : "?"})`
        );
      }
    } else if (input === null || input === undefined) {
      fail(
        ErrorCodes.invalidArgument,
        `The argument is invalid or missing or has an incorrect format. (${prop} = ${input})`
      );
    }
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const v = single ? input : input[r][c];
        if (v === null || v === undefined) continue;
        const R = t.rect.r0 + r,
          C = t.rect.c0 + c;
        apply(cellFor(t.sheet, R, C), v, R, C);
        pruneCell(t.sheet, R, C);
      }
    }
  }
  function writeValues(t: RangeTarget, v: any, prop: string, asFormula: boolean) {
    refuseUnbounded(t, prop);
    applyGrid(t, v, prop, (cell, x, r, c) =>
      writeValue(cell, x, asFormula, cell.nf ?? t.sheet.colFormats.get(c))
    );
  }
  function isWholeColumns(rect: Rect): boolean {
    return rect.r0 === 0 && rect.r1 === MAX_ROWS - 1;
  }
  function isUnbounded(rect: Rect): boolean {
    return isWholeColumns(rect) || (rect.c0 === 0 && rect.c1 === MAX_COLS - 1);
  }
  /** Excel refuses cell-level writes to entire columns or rows ("Read or write to an unbounded range"). */
  function refuseUnbounded(t: RangeTarget, prop: string) {
    if (isUnbounded(t.rect))
      fail(
        ErrorCodes.invalidArgument,
        `The argument is invalid or missing or has an incorrect format. (${prop} of the unbounded range ${rectAddress(t.rect)})`
      );
  }
  /** A number format on whole columns is the columns' format (every cell, present and future). */
  function writeNumberFormat(t: RangeTarget, v: any, prop: string) {
    const check = (x: any) => {
      if (typeof x !== "string")
        fail(ErrorCodes.invalidArgument, `${prop} must be text, got ${typeof x}`);
      return x === "" || x === "General" ? undefined : x;
    };
    refuseUnbounded(t, prop);
    // on cells, an explicit General is a format of its own: it overrides the column's
    applyGrid(t, v, prop, (cell, x) => void (cell.nf = check(x) ?? "General"));
  }
  function uniform<T>(vals: T[]): T | null {
    return vals.every((v) => v === vals[0]) ? vals[0] : null;
  }

  /**
   * Made by {@link makeRange}. One class for every range (not one per proxy: a county's summaries
   * make ~60,000 ranges for their merged notes lines, and a class per range ran in the interpreter
   * each time); its format and data validation are made when first used.
   */
  class Range extends ClientObject {
    _resolve: () => RangeTarget | null;
    _nullable: boolean;
    _format: any = null;
    _validation: any = null;
    _worksheet: any = null;
    constructor(ctx: RequestContext, resolve: () => RangeTarget | null, nullable: boolean) {
      super(ctx, "Range", RANGE_PROPS);
      this._resolve = resolve;
      this._nullable = nullable;
      this._children.format = () => this.format;
      this._children.worksheet = () =>
        (this._worksheet ??= makeWorksheet(this._ctx, () => this._target().sheet));
    }
    get format() {
      return (this._format ??= makeRangeFormat(this._ctx, () => this._target()));
    }
    get dataValidation() {
      return (this._validation ??= makeDataValidation(this._ctx, () => this._target()));
    }
    _target(): RangeTarget {
      const t = this._resolve();
      if (!t) fail(ErrorCodes.itemNotFound, "The requested resource doesn't exist. (null range)");
      return t;
    }
    _derive(f: (t: RangeTarget) => RangeTarget) {
      return makeRange(this._ctx, () => f(this._target()));
    }
    _snapshot(props: string[]) {
      const t = this._resolve();
      if (!t) {
        if (!this._nullable) fail(ErrorCodes.itemNotFound, "The requested resource doesn't exist.");
        return { isNullObject: true };
      }
      const out: Record<string, unknown> = {};
      const rows = t.rect.r1 - t.rect.r0 + 1,
        cols = t.rect.c1 - t.rect.c0 + 1;
      for (const p of props) {
        switch (p) {
          case "address":
          case "addressLocal":
            out[p] = `${quoteSheet(t.sheet.name)}!${rectAddress(t.rect)}`;
            break;
          case "values":
            out[p] = grid(t, (c) => (!c || c.v === null ? "" : c.v));
            break;
          case "formulas":
          case "formulasLocal":
            out[p] = grid(t, (c) => (c?.f ? c.f : !c || c.v === null ? "" : c.v));
            break;
          case "numberFormat":
          case "numberFormatLocal":
            out[p] = grid(t, (c, r, col) => c?.nf ?? t.sheet.colFormats.get(col) ?? "General");
            break;
          case "text":
            out[p] = grid(t, cellText);
            break;
          case "valueTypes":
            out[p] = grid(t, valueType);
            break;
          case "rowCount":
            out[p] = rows;
            break;
          case "columnCount":
            out[p] = cols;
            break;
          case "cellCount":
            out[p] = rows * cols;
            break;
          case "rowIndex":
            out[p] = t.rect.r0;
            break;
          case "columnIndex":
            out[p] = t.rect.c0;
            break;
          case "isNullObject":
            out[p] = false;
            break;
          case "hidden":
          case "rowHidden":
          case "columnHidden":
            out[p] = false;
            break;
        }
      }
      if (this._nullable) out.isNullObject = false;
      return out;
    }
    get worksheet() {
      return this._children.worksheet();
    }
    getCell(r: number, c: number) {
      return this._derive((t) => ({
        sheet: t.sheet,
        rect: { r0: t.rect.r0 + r, c0: t.rect.c0 + c, r1: t.rect.r0 + r, c1: t.rect.c0 + c },
      }));
    }
    getRow(i: number) {
      return this._derive((t) => ({
        sheet: t.sheet,
        rect: { ...t.rect, r0: t.rect.r0 + i, r1: t.rect.r0 + i },
      }));
    }
    getColumn(i: number) {
      return this._derive((t) => ({
        sheet: t.sheet,
        rect: { ...t.rect, c0: t.rect.c0 + i, c1: t.rect.c0 + i },
      }));
    }
    getEntireColumn() {
      return this._derive((t) => ({
        sheet: t.sheet,
        rect: { ...t.rect, r0: 0, r1: MAX_ROWS - 1 },
      }));
    }
    getEntireRow() {
      return this._derive((t) => ({
        sheet: t.sheet,
        rect: { ...t.rect, c0: 0, c1: MAX_COLS - 1 },
      }));
    }
    getResizedRange(dr: number, dc: number) {
      return this._derive((t) => {
        const rect = norm({
          r0: t.rect.r0,
          c0: t.rect.c0,
          r1: t.rect.r1 + dr,
          c1: t.rect.c1 + dc,
        });
        if (!rect || t.rect.r1 + dr < t.rect.r0 || t.rect.c1 + dc < t.rect.c0)
          fail(ErrorCodes.invalidArgument, "The resized range is invalid.");
        return { sheet: t.sheet, rect };
      });
    }
    getOffsetRange(dr: number, dc: number) {
      return this._derive((t) => {
        const rect = norm({
          r0: t.rect.r0 + dr,
          c0: t.rect.c0 + dc,
          r1: t.rect.r1 + dr,
          c1: t.rect.c1 + dc,
        });
        if (!rect) fail(ErrorCodes.invalidArgument, "The offset range is outside the sheet.");
        return { sheet: t.sheet, rect };
      });
    }
    getLastRow() {
      return this._derive((t) => ({ sheet: t.sheet, rect: { ...t.rect, r0: t.rect.r1 } }));
    }
    getLastColumn() {
      return this._derive((t) => ({ sheet: t.sheet, rect: { ...t.rect, c0: t.rect.c1 } }));
    }
    getBoundingRect(other: any) {
      return this._derive((t) => {
        const o =
          typeof other === "string" ? { sheet: t.sheet, rect: parseRef(other)! } : other._target();
        return {
          sheet: t.sheet,
          rect: {
            r0: Math.min(t.rect.r0, o.rect.r0),
            c0: Math.min(t.rect.c0, o.rect.c0),
            r1: Math.max(t.rect.r1, o.rect.r1),
            c1: Math.max(t.rect.c1, o.rect.c1),
          },
        };
      });
    }
    getIntersectionOrNullObject(other: any) {
      return makeRange(
        this._ctx,
        () => {
          const t = this._target();
          const o =
            typeof other === "string"
              ? { sheet: t.sheet, rect: parseRef(other)! }
              : other._target();
          const rect = {
            r0: Math.max(t.rect.r0, o.rect.r0),
            c0: Math.max(t.rect.c0, o.rect.c0),
            r1: Math.min(t.rect.r1, o.rect.r1),
            c1: Math.min(t.rect.c1, o.rect.c1),
          };
          return rect.r0 > rect.r1 || rect.c0 > rect.c1 ? null : { sheet: t.sheet, rect };
        },
        true
      );
    }
    select() {
      this._ctx._enqueue(() => {
        const t = this._target();
        book.active = t.sheet;
        api.selection = { sheet: t.sheet.name, address: rectAddress(t.rect) };
        api.selectionHistory.push(api.selection);
      });
    }
    activate() {
      return this.select();
    }
    /** Merges the cells (the title and long notes lines of a summary); recorded, not drawn. */
    merge(across?: boolean) {
      this._ctx._enqueue(() => {
        const t = this._target();
        api.merges.push(`${t.sheet.name}!${rectAddress(t.rect)}${across ? " across" : ""}`);
      }, across ?? false);
    }
    clear(applyTo?: string) {
      this._ctx._enqueue(() => {
        const t = this._target();
        for (let r = t.rect.r0; r <= Math.min(t.rect.r1, t.rect.r0 + 100000); r++) {
          for (let c = t.rect.c0; c <= Math.min(t.rect.c1, t.rect.c0 + 1000); c++) {
            const cell = getCell(t.sheet, r, c);
            if (!cell) continue;
            if (!applyTo || applyTo === "All" || applyTo === "Contents") {
              cell.v = null;
              cell.f = undefined;
            }
            if (!applyTo || applyTo === "All" || applyTo === "Formats") {
              cell.nf = undefined;
              cell.fill = undefined;
              cell.bold = undefined;
              cell.italic = undefined;
              cell.fontColor = undefined;
            }
            pruneCell(t.sheet, r, c);
          }
        }
      });
    }
    getCellProperties(spec: any) {
      const result = new ClientResult();
      this._ctx._enqueue(() => {
        const t = this._target();
        const props = grid(t, (cell, r, c) => cellProperties(cell, spec, r, c));
        this._ctx._respond(props);
        result._resolve(props);
      });
      return result;
    }
    setCellProperties(input: any[][]) {
      this._ctx._enqueue(() => {
        const t = this._target();
        applyGrid(t, input, "setCellProperties", (cell, v) => setCellProps(cell, v));
      }, input);
    }
  }
  // office.js cuts a 2-D set of more than 1,500 cells into blocks of round(1500 / columns) rows,
  // each a getRow(i).getBoundingRect(getRow(j)) range (three paths) with its own action
  const bulk = (v: any) => {
    if (!Array.isArray(v) || !Array.isArray(v[0]) || v.length * v[0].length <= 1500) return 0;
    const per = Math.max(1, Math.round(1500 / v[0].length));
    return Math.ceil(v.length / per) * 4;
  };
  const set = (self: any, v: any, run: () => void) => self._ctx._enqueue(run, v, bulk(v));
  defineProps(Range, RANGE_PROPS, {
    values: (self, v) => set(self, v, () => writeValues(self._target(), v, "values", false)),
    formulas: (self, v) => set(self, v, () => writeValues(self._target(), v, "formulas", true)),
    formulasLocal: (self, v) =>
      set(self, v, () => writeValues(self._target(), v, "formulasLocal", true)),
    numberFormat: (self, v) =>
      set(self, v, () => writeNumberFormat(self._target(), v, "numberFormat")),
    numberFormatLocal: (self, v) =>
      set(self, v, () => writeNumberFormat(self._target(), v, "numberFormatLocal")),
  });
  function makeRange(
    ctx: RequestContext,
    resolve: () => RangeTarget | null,
    nullable = false
  ): any {
    ctx._charge();
    return guard(new Range(ctx, resolve, nullable), "Range");
  }

  function cellProperties(cell: Cell | undefined, spec: any, r: number, c: number): any {
    const out: any = {};
    if (spec?.address) out.address = a1(r, c);
    const f = spec?.format;
    if (f) {
      out.format = {};
      if (f.fill) {
        out.format.fill = {};
        if (f.fill.color) out.format.fill.color = cell?.fill?.color ?? "#FFFFFF";
        if (f.fill.pattern) out.format.fill.pattern = cell?.fill?.pattern ?? "None";
        if (f.fill.patternColor) out.format.fill.patternColor = cell?.fill?.patternColor ?? null;
        if (f.fill.tintAndShade) out.format.fill.tintAndShade = cell?.fill?.tintAndShade ?? 0;
        if (f.fill.patternTintAndShade)
          out.format.fill.patternTintAndShade = cell?.fill?.patternTintAndShade ?? 0;
      }
      if (f.font) {
        out.format.font = {};
        if (f.font.bold) out.format.font.bold = !!cell?.bold;
        if (f.font.color) out.format.font.color = cell?.fontColor ?? "#000000";
        if (f.font.italic) out.format.font.italic = !!cell?.italic;
      }
    }
    return out;
  }
  function setCellProps(cell: Cell, v: any) {
    const fill = v?.format?.fill;
    if (fill) {
      if (fill.pattern === "None") cell.fill = undefined;
      else {
        if (typeof fill.color === "string") setFillColor(cell, fill.color);
        if (typeof fill.pattern === "string" && cell.fill) cell.fill.pattern = fill.pattern;
        if (typeof fill.patternColor === "string" && cell.fill)
          cell.fill.patternColor = normColor(fill.patternColor);
        if (typeof fill.tintAndShade === "number" && cell.fill)
          cell.fill.tintAndShade = fill.tintAndShade;
        if (typeof fill.patternTintAndShade === "number" && cell.fill)
          cell.fill.patternTintAndShade = fill.patternTintAndShade;
      }
    }
    const font = v?.format?.font;
    if (font) {
      if (typeof font.bold === "boolean") cell.bold = font.bold || undefined;
      if (typeof font.italic === "boolean") cell.italic = font.italic || undefined;
      if (typeof font.color === "string") cell.fontColor = normColor(font.color);
    }
  }
  function setFillColor(cell: Cell, color: string) {
    const c = normColor(color);
    if (c === undefined) cell.fill = undefined;
    else
      cell.fill = {
        ...(cell.fill ?? { pattern: "Solid" }),
        color: c,
        pattern: cell.fill?.pattern && cell.fill.pattern !== "None" ? cell.fill.pattern : "Solid",
      };
  }
  const NAMED_COLORS: Record<string, string> = {
    yellow: "#FFFF00",
    red: "#FF0000",
    white: "#FFFFFF",
    black: "#000000",
    green: "#008000",
    orange: "#FFA500",
  };
  function normColor(c: string): string | undefined {
    const s = c.trim();
    if (s === "") return undefined;
    const named = NAMED_COLORS[s.toLowerCase()];
    if (named) return named;
    if (/^#[0-9a-f]{6}$/i.test(s)) return s.toUpperCase();
    if (/^#[0-9a-f]{3}$/i.test(s))
      return `#${s[1]}${s[1]}${s[2]}${s[2]}${s[3]}${s[3]}`.toUpperCase();
    fail(
      ErrorCodes.invalidArgument,
      `The argument is invalid or missing or has an incorrect format. (color "${c}")`
    );
  }

  function eachCell(t: RangeTarget, f: (cell: Cell, r: number, c: number) => void) {
    refuseUnbounded(t, "format");
    const cells = (t.rect.r1 - t.rect.r0 + 1) * (t.rect.c1 - t.rect.c0 + 1);
    if (cells > 5_000_000)
      fail(
        ErrorCodes.generalException,
        `The range is too large to format cell by cell (${cells} cells) in the fake host.`
      );
    for (let r = t.rect.r0; r <= t.rect.r1; r++) {
      for (let c = t.rect.c0; c <= t.rect.c1; c++) {
        f(cellFor(t.sheet, r, c), r, c);
        pruneCell(t.sheet, r, c);
      }
    }
  }
  function cellsOf(t: RangeTarget): (Cell | undefined)[] {
    const out: (Cell | undefined)[] = [];
    for (let r = t.rect.r0; r <= Math.min(t.rect.r1, t.rect.r0 + 10000); r++) {
      for (let c = t.rect.c0; c <= Math.min(t.rect.c1, t.rect.c0 + 500); c++)
        out.push(getCell(t.sheet, r, c));
    }
    return out;
  }

  /**
   * The proxies below a range (its format, fill, font, data validation): one class each, made
   * once (see {@link Range}); `_tg` gives the range they belong to.
   */
  const FILL_PROPS = ["color", "pattern", "patternColor", "tintAndShade", "patternTintAndShade"];
  class RangeFill extends ClientObject {
    _tg: () => RangeTarget;
    constructor(ctx: RequestContext, target: () => RangeTarget) {
      super(ctx, "RangeFill", FILL_PROPS);
      this._tg = target;
      this._depth = 2;
    }
    _snapshot(props: string[]) {
      const cells = cellsOf(this._tg());
      const out: Record<string, unknown> = {};
      if (props.includes("color"))
        out.color = uniform(cells.map((c) => c?.fill?.color ?? "#FFFFFF"));
      if (props.includes("pattern"))
        out.pattern = uniform(cells.map((c) => c?.fill?.pattern ?? "None"));
      if (props.includes("patternColor"))
        out.patternColor = uniform(cells.map((c) => c?.fill?.patternColor ?? null));
      if (props.includes("tintAndShade"))
        out.tintAndShade = uniform(cells.map((c) => c?.fill?.tintAndShade ?? 0));
      if (props.includes("patternTintAndShade"))
        out.patternTintAndShade = uniform(cells.map((c) => c?.fill?.patternTintAndShade ?? 0));
      return out;
    }
    clear() {
      this._ctx._enqueue(
        () => eachCell(this._tg(), (cell) => void (cell.fill = undefined)),
        undefined,
        2
      );
    }
  }
  const onFill = (self: any, f: (cell: Cell) => void) =>
    self._ctx._enqueue(() => eachCell(self._tg(), f));
  defineProps(RangeFill, FILL_PROPS, {
    color: (self, v) => onFill(self, (cell) => setFillColor(cell, String(v))),
    pattern: (self, v) =>
      onFill(self, (cell) => {
        if (v === "None") cell.fill = undefined;
        else cell.fill = { ...(cell.fill ?? { color: "#FFFFFF" }), pattern: String(v) };
      }),
    patternColor: (self, v) =>
      onFill(self, (cell) => void (cell.fill && (cell.fill.patternColor = normColor(String(v))))),
    tintAndShade: (self, v) =>
      onFill(self, (cell) => void (cell.fill && (cell.fill.tintAndShade = Number(v)))),
    patternTintAndShade: (self, v) =>
      onFill(self, (cell) => void (cell.fill && (cell.fill.patternTintAndShade = Number(v)))),
  });

  const FONT_PROPS = ["bold", "color", "italic", "name", "size", "underline"];
  class RangeFont extends ClientObject {
    _tg: () => RangeTarget;
    constructor(ctx: RequestContext, target: () => RangeTarget) {
      super(ctx, "RangeFont", FONT_PROPS);
      this._tg = target;
      this._depth = 2;
    }
    _snapshot(props: string[]) {
      const cells = cellsOf(this._tg());
      const out: Record<string, unknown> = {};
      if (props.includes("bold")) out.bold = uniform(cells.map((c) => !!c?.bold));
      if (props.includes("italic")) out.italic = uniform(cells.map((c) => !!c?.italic));
      if (props.includes("color")) out.color = uniform(cells.map((c) => c?.fontColor ?? "#000000"));
      if (props.includes("name")) out.name = "Calibri";
      if (props.includes("size")) out.size = 11;
      if (props.includes("underline")) out.underline = "None";
      return out;
    }
  }
  defineProps(RangeFont, FONT_PROPS, {
    bold: (self, v) =>
      self._ctx._enqueue(() => eachCell(self._tg(), (cell) => void (cell.bold = !!v || undefined))),
    italic: (self, v) =>
      self._ctx._enqueue(() =>
        eachCell(self._tg(), (cell) => void (cell.italic = !!v || undefined))
      ),
    color: (self, v) =>
      self._ctx._enqueue(() => {
        const col = normColor(String(v));
        eachCell(self._tg(), (cell) => void (cell.fontColor = col));
      }),
    name: (self) => self._ctx._enqueue(() => void self._tg()),
    size: (self) => self._ctx._enqueue(() => void self._tg()),
    underline: (self) => self._ctx._enqueue(() => void self._tg()),
  });

  const FORMAT_PROPS = [
    "columnWidth",
    "rowHeight",
    "horizontalAlignment",
    "verticalAlignment",
    "wrapText",
    "indentLevel",
  ];
  class RangeFormat extends ClientObject {
    _tg: () => RangeTarget;
    _fill: any = null;
    _font: any = null;
    _borders: any = null;
    _protection: any = null;
    constructor(ctx: RequestContext, target: () => RangeTarget) {
      super(ctx, "RangeFormat", FORMAT_PROPS);
      this._tg = target;
      this._depth = 1;
      this._children.fill = () => this.fill;
      this._children.font = () => this.font;
    }
    get fill() {
      return (this._fill ??= guard(new RangeFill(this._ctx, this._tg), "RangeFill"));
    }
    get font() {
      return (this._font ??= guard(new RangeFont(this._ctx, this._tg), "RangeFont"));
    }
    get borders() {
      return (this._borders ??= guard(
        { getItem: () => guard({ style: "", color: "", weight: "" }, "RangeBorder") },
        "RangeBorderCollection"
      ));
    }
    get protection() {
      return (this._protection ??= guard({ locked: true }, "FormatProtection"));
    }
    _snapshot(props: string[]) {
      const t = this._tg();
      const out: Record<string, unknown> = {};
      if (props.includes("columnWidth")) {
        const ws: number[] = [];
        for (let c = t.rect.c0; c <= Math.min(t.rect.c1, t.rect.c0 + 500); c++)
          ws.push(t.sheet.colWidths.get(c) ?? 48);
        out.columnWidth = uniform(ws);
      }
      if (props.includes("rowHeight")) out.rowHeight = 15;
      if (props.includes("horizontalAlignment")) out.horizontalAlignment = "General";
      if (props.includes("verticalAlignment")) out.verticalAlignment = "Bottom";
      if (props.includes("wrapText")) out.wrapText = false;
      if (props.includes("indentLevel")) out.indentLevel = 0;
      return out;
    }
    autofitColumns() {
      this._ctx._enqueue(() => {
        const t = this._tg();
        for (let c = t.rect.c0; c <= t.rect.c1; c++) {
          let w = 0;
          for (let r = t.rect.r0; r <= Math.min(t.rect.r1, t.rect.r0 + 2000); r++)
            w = Math.max(w, cellText(getCell(t.sheet, r, c)).length);
          t.sheet.colWidths.set(c, Math.max(48, Math.min(400, w * 7)));
        }
      });
    }
    autofitRows() {
      this._ctx._enqueue(() => void this._tg());
    }
  }
  const noop = (self: any) => self._ctx._enqueue(() => void self._tg());
  defineProps(RangeFormat, FORMAT_PROPS, {
    columnWidth: (self, v) =>
      self._ctx._enqueue(() => {
        if (typeof v !== "number" || !Number.isFinite(v) || v < 0)
          fail(ErrorCodes.invalidArgument, `columnWidth must be a number of points, got ${v}`);
        const t = self._tg();
        for (let c = t.rect.c0; c <= t.rect.c1; c++) t.sheet.colWidths.set(c, v);
      }),
    rowHeight: noop,
    horizontalAlignment: noop,
    verticalAlignment: noop,
    wrapText: noop,
    indentLevel: noop,
  });
  function makeRangeFormat(ctx: RequestContext, target: () => RangeTarget): any {
    return guard(new RangeFormat(ctx, target), "RangeFormat");
  }

  const VALIDATION_PROPS = ["rule", "type", "ignoreBlanks", "errorAlert", "prompt", "valid"];
  class DataValidation extends ClientObject {
    _tg: () => RangeTarget;
    constructor(ctx: RequestContext, target: () => RangeTarget) {
      super(ctx, "DataValidation", VALIDATION_PROPS);
      this._tg = target;
      this._depth = 1;
    }
    _snapshot(props: string[]) {
      const t = this._tg();
      const addr = rectAddress(t.rect);
      const found = t.sheet.dataValidations.find((d) => d.address === addr);
      const out: Record<string, unknown> = {};
      for (const p of props) {
        if (p === "rule") out.rule = found?.rule ?? {};
        else if (p === "type") out.type = found ? "List" : "None";
        else if (p === "valid") out.valid = true;
        else out[p] = null;
      }
      return out;
    }
    clear() {
      this._ctx._enqueue(() => {
        const t = this._tg();
        const addr = rectAddress(t.rect);
        t.sheet.dataValidations = t.sheet.dataValidations.filter((d) => d.address !== addr);
      });
    }
  }
  const keep = (self: any) => self._ctx._enqueue(() => void self._tg());
  defineProps(DataValidation, VALIDATION_PROPS, {
    rule: (self, v) =>
      self._ctx._enqueue(() => {
        const t: RangeTarget = self._tg();
        const addr = rectAddress(t.rect);
        t.sheet.dataValidations = t.sheet.dataValidations.filter((d) => d.address !== addr);
        t.sheet.dataValidations.push({ address: addr, rule: JSON.parse(JSON.stringify(v)) });
      }, v),
    ignoreBlanks: keep,
    errorAlert: keep,
    prompt: keep,
  });
  function makeDataValidation(ctx: RequestContext, target: () => RangeTarget): any {
    return guard(new DataValidation(ctx, target), "DataValidation");
  }

  // ------------------------------------------------------------------ user actions
  async function userSelect(sheetName: string, address: string): Promise<void> {
    const sh = sheetByName(sheetName);
    if (!sh) throw new Error(`no sheet ${sheetName}`);
    const rect = parseRef(address);
    if (!rect) throw new Error(`bad address ${address}`);
    book.active = sh;
    api.selection = { sheet: sh.name, address: rectAddress(rect) };
    const args = {
      address: rectAddress(rect),
      worksheetId: sh.id,
      type: "WorksheetSelectionChanged",
      source: "Local",
    };
    const calls: unknown[] = [];
    for (const h of sh.selectionHandlers) calls.push(h(args));
    for (const h of book.collectionSelectionHandlers) calls.push(h(args));
    for (const h of book.selectionHandlers)
      calls.push(h({ type: "WorkbookSelectionChanged", source: "Local", workbook: null }));
    await Promise.all(calls);
  }
  function userEdit(sheetName: string, address: string, values: SeedValue[][]): void {
    const sh = sheetByName(sheetName);
    const rect = parseRef(address);
    if (!sh || !rect) throw new Error(`bad edit target ${sheetName}!${address}`);
    writeValues({ sheet: sh, rect }, values, "values", true);
    const args = {
      address: rectAddress(rect),
      worksheetId: sh.id,
      type: "WorksheetChanged",
      changeType: "RangeEdited",
      source: "Local",
    };
    for (const h of sh.changedHandlers) h(args);
  }

  function exportWorkbook(): ExportSheet[] {
    return book.sheets.map((sh, position) => {
      const cells: Record<string, ExportCell> = {};
      const keys = [...sh.cells.keys()].sort((x, y) => x - y);
      for (const k of keys) {
        const c = sh.cells.get(k)!;
        const e: ExportCell = { v: c.v };
        if (c.f) e.f = c.f;
        const col = k % MAX_COLS;
        const nf = c.nf ?? sh.colFormats.get(col);
        if (nf && nf !== "General") e.nf = nf;
        if (c.fill) {
          e.fill = c.fill.color;
          if (c.fill.pattern !== "Solid") e.fillPattern = c.fill.pattern;
        }
        if (c.bold) e.bold = true;
        cells[a1(Math.floor(k / MAX_COLS), k % MAX_COLS)] = e;
      }
      return {
        name: sh.name,
        position,
        visibility: sh.visibility,
        cells,
        freezeRows: sh.freezeRows,
        freezeCols: sh.freezeCols,
        colWidths: Object.fromEntries(sh.colWidths),
        colFormats: Object.fromEntries(sh.colFormats),
        dataValidations: sh.dataValidations,
        pageBreaks: [...sh.pageBreaks],
        charts: sh.charts.map((c) => ({ ...c })),
      };
    });
  }

  // ------------------------------------------------------------------ globals
  const excelApiMinor = seed.excelApiMinor ?? 17;
  const Excel = {
    /** Excel.run(batch), or Excel.run(object, batch) reusing the object's request context */
    run(a: any, b?: any) {
      const batch = typeof a === "function" ? a : b;
      const given = typeof a === "function" ? null : a;
      const ctx: RequestContext = given
        ? given instanceof RequestContext
          ? given
          : given.context
        : new RequestContext();
      return Promise.resolve()
        .then(() => batch(ctx))
        .then(async (result: any) => {
          if ((ctx as any)._queue.length > 0) await ctx.sync();
          return result;
        });
    },
    RequestContext,
    ErrorCodes,
    CalculationType: { recalculate: "Recalculate", full: "Full", fullRebuild: "FullRebuild" },
    CalculationMode: {
      automatic: "Automatic",
      automaticExceptTables: "AutomaticExceptTables",
      manual: "Manual",
    },
    SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
    ClearApplyTo: {
      all: "All",
      formats: "Formats",
      contents: "Contents",
      hyperlinks: "Hyperlinks",
      removeHyperlinks: "RemoveHyperlinks",
    },
    RangeValueType: {
      unknown: "Unknown",
      empty: "Empty",
      string: "String",
      integer: "Integer",
      double: "Double",
      boolean: "Boolean",
      error: "Error",
      richValue: "RichValue",
    },
    DataValidationType: {
      none: "None",
      list: "List",
      wholeNumber: "WholeNumber",
      decimal: "Decimal",
      date: "Date",
      custom: "Custom",
    },
    EventSource: { local: "Local", remote: "Remote" },
    HorizontalAlignment: { general: "General", left: "Left", center: "Center", right: "Right" },
    VerticalAlignment: { top: "Top", center: "Center", bottom: "Bottom" },
  };
  const OfficeExtension = {
    Error: OfficeError,
    ErrorCodes,
    ClientResult,
    config: { extendedErrorLogging: false },
  };

  const readyInfo = { host: "Excel", platform: "OfficeOnline" };
  const settings = {
    get: (k: string) => (k in api.settings ? api.settings[k] : null),
    set: (k: string, v: unknown) => {
      api.settings[k] = JSON.parse(JSON.stringify(v));
    },
    remove: (k: string) => {
      delete api.settings[k];
    },
    saveAsync: (opts?: any, cb?: any) => {
      const callback = typeof opts === "function" ? opts : cb;
      api.settingsSaved++;
      setTimeout(
        () => callback && callback({ status: "succeeded", value: undefined, error: null }),
        0
      );
    },
    refreshAsync: (cb?: any) =>
      setTimeout(() => cb && cb({ status: "succeeded", value: settings }), 0),
    addHandlerAsync: (_t: any, _h: any, cb?: any) =>
      setTimeout(() => cb && cb({ status: "succeeded" }), 0),
  };
  const Office = {
    onReady(cb?: (info: any) => void) {
      return new Promise((resolve) => {
        setTimeout(() => {
          if (cb) cb(readyInfo);
          resolve(readyInfo);
        }, 0);
      });
    },
    initialize: undefined as any,
    HostType: {
      Excel: "Excel",
      Word: "Word",
      PowerPoint: "PowerPoint",
      Outlook: "Outlook",
      OneNote: "OneNote",
      Project: "Project",
      Access: "Access",
    },
    PlatformType: {
      PC: "PC",
      OfficeOnline: "OfficeOnline",
      Mac: "Mac",
      iOS: "iOS",
      Android: "Android",
      Universal: "Universal",
    },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: {
      DocumentSelectionChanged: "documentSelectionChanged",
      SettingsChanged: "settingsChanged",
    },
    context: {
      displayLanguage: seed.displayLanguage ?? "zh-CN",
      contentLanguage: seed.displayLanguage ?? "zh-CN",
      host: "Excel",
      platform: "OfficeOnline",
      diagnostics: { host: "Excel", platform: "OfficeOnline", version: "16.0.0.0" },
      document: { settings, url: "cm-test.xlsx", mode: "readWrite" },
      requirements: {
        isSetSupported(name: string, version?: string | number) {
          const v = version === undefined ? 0 : parseFloat(String(version));
          if (name === "ExcelApi") {
            const [major, minor] = String(version ?? "1.1")
              .split(".")
              .map(Number);
            return major === 1 && (minor || 0) <= excelApiMinor;
          }
          if (name === "SharedRuntime" || name === "CustomFunctionsRuntime") return v <= 1.3;
          if (name === "DialogApi" || name === "RibbonApi") return v <= 1.2;
          return false;
        },
      },
      ui: {
        displayDialogAsync: (_u: string, _o: any, cb?: any) =>
          cb && cb({ status: "failed", error: { code: 12007, message: "not in the test host" } }),
      },
    },
    addin: {
      setStartupBehavior: () => Promise.resolve(),
      getStartupBehavior: () => Promise.resolve("None"),
      showAsTaskpane: () => Promise.resolve(),
      hide: () => Promise.resolve(),
      onVisibilityModeChanged: () => Promise.resolve(() => Promise.resolve()),
    },
    actions: { associate: (id: string, fn: any) => void (api.associated[`action:${id}`] = fn) },
  };

  class CfError {
    code: string;
    message?: string;
    constructor(code: string, message?: string) {
      this.code = code;
      this.message = message;
    }
  }
  const CustomFunctions = {
    associate(idOrMap: any, fn?: any) {
      if (typeof idOrMap === "string") api.associated[idOrMap.toUpperCase()] = fn;
      else for (const [k, f] of Object.entries(idOrMap)) api.associated[k.toUpperCase()] = f as any;
    },
    Error: CfError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    },
  };

  win.Office = Office;
  win.Excel = Excel;
  win.OfficeExtension = OfficeExtension;
  win.CustomFunctions = CustomFunctions;
  win.OfficeRuntime = { storage: undefined };
  win.__fakeHost = api;
  return api;
}
