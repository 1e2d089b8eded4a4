/**
 * `cm-addin demo [-o OUT.xlsx]` (WORKBOOK.md "The command line"): runs `summarize` on the bundled
 * sample workbook (examples/sample.xlsx, made by examples/make-sample.ts) into OUT.xlsx (default:
 * a new temporary folder), prints the data issues, the grade roster (等级汇总) as an aligned
 * table — Chinese characters take two terminal columns — and where OUT.xlsx went.
 * Exit status: 0 when the summaries were written (the sample's data errors are deliberate and
 * are listed); 2 when the sample is missing or OUT.xlsx cannot be written.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { fmtMoney } from "../../core/money";
import type { CellValue, SheetModel } from "../../summary/model";
import type { CliCommand, CliIO } from "../command";
import { CliError, describedBy, parseOptions, usageOf } from "../command";
import { DEMO_META } from "./meta";
import { outcomeLines, summarizeWorkbook } from "./summarize";
import { displayWidth, issueTable } from "./validate";

export const USAGE = usageOf(DEMO_META);

/** The bundled sample workbook. */
export const SAMPLE_PATH = path.resolve(__dirname, "..", "..", "..", "examples", "sample.xlsx");

/** The roster's columns, by their 等级汇总 headers; the last one is free text (not padded). */
const ROSTER_COLUMNS: { header: string; label: string; kind: "text" | "score" | "number" }[] = [
  { header: "员工号", label: "员工号", kind: "text" },
  { header: "姓名", label: "姓名", kind: "text" },
  { header: "行别类型", label: "行别", kind: "text" },
  { header: "笔数得分", label: "笔数", kind: "score" },
  { header: "利息得分", label: "利息", kind: "score" },
  { header: "质量得分", label: "质量", kind: "score" },
  { header: "扣分", label: "扣分", kind: "score" },
  { header: "总分", label: "总分", kind: "score" },
  { header: "分数等级", label: "分数等级", kind: "text" },
  { header: "最终等级", label: "最终等级", kind: "text" },
  { header: "工资系数", label: "系数", kind: "number" },
];

function cellText(v: CellValue | undefined, kind: "text" | "score" | "number"): string {
  if (v === null || v === undefined || v === "") return "-";
  if (typeof v === "number") return kind === "score" ? v.toFixed(2) : String(v);
  return String(v);
}

function padEnd(s: string, w: number): string {
  return s + " ".repeat(Math.max(0, w - displayWidth(s)));
}

function padStart(s: string, w: number): string {
  return " ".repeat(Math.max(0, w - displayWidth(s))) + s;
}

/** The 等级汇总 model as terminal lines: an aligned table, then the peer averages. */
export function rosterTable(m: SheetModel): string[] {
  const idx = (h: string) => m.columns.findIndex((c) => c.header === h);
  const cols = ROSTER_COLUMNS.map((c) => ({ ...c, i: idx(c.header) }));
  const missing = cols.filter((c) => c.i < 0).map((c) => c.header);
  if (missing.length > 0) throw new Error(`等级汇总缺少列：${missing.join("、")}`);
  const caps = idx("封顶原因");
  const exit = idx("退出原因");
  const note = idx("说明");
  const body = m.rows.map((r) => {
    const coef = r[cols[10].i];
    // a text coefficient (支行长 etc.: their post's, 第十三条) is named in the free text, the column says 按职务
    const cells = cols.map((c, k) =>
      k === 10 && typeof coef === "string" ? "按职务" : cellText(r[c.i], c.kind)
    );
    const extra: string[] = [];
    if (typeof coef === "string") extra.push(`系数：${coef}`);
    if (r[cols[7].i] === null && note >= 0 && r[note]) extra.push(String(r[note]));
    if (caps >= 0 && r[caps]) extra.push(`封顶：${r[caps]}`);
    if (exit >= 0 && r[exit]) extra.push(`退出：${r[exit]}`);
    return { cells, extra: extra.join("；") };
  });
  const widths = cols.map((c, k) =>
    Math.max(displayWidth(c.label), ...body.map((b) => displayWidth(b.cells[k])))
  );
  const line = (cells: string[], extra: string) =>
    cells
      .map((s, k) => (cols[k].kind === "text" ? padEnd(s, widths[k]) : padStart(s, widths[k])))
      .join("  ") + (extra ? `  ${extra}` : "");
  const out = [
    line(
      cols.map((c) => c.label),
      "封顶原因 / 退出原因"
    ),
    line(
      widths.map((w) => "-".repeat(w)),
      ""
    ),
  ];
  for (const b of body) out.push(line(b.cells, b.extra));
  const peers = (m.notes ?? []).filter(
    (n) => n[0] === null && typeof n[1] === "string" && /^[一二三]类行$/.test(n[1])
  );
  if (peers.length > 0) {
    out.push("");
    out.push(
      `同类行平均（第十一条）：${peers.map((n) => `${n[1]} ${n[2]} 人，平均笔数 ${n[3] ?? "-"}，平均利息收入 ${typeof n[4] === "number" ? fmtMoney(n[4]) : "-"}`).join("；")}`
    );
  }
  return out;
}

function defaultOut(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cm-addin-demo-"));
  return path.join(dir, "sample-summaries.xlsx");
}

export const command: CliCommand = {
  ...describedBy(DEMO_META),
  async run(args: string[], io: CliIO): Promise<number> {
    const { positional, options } = parseOptions(args, DEMO_META.options);
    if (positional.length > 0)
      throw new CliError(`demo 不接受文件参数（demo takes no file; usage: ${USAGE}）`);
    if (!fs.existsSync(SAMPLE_PATH))
      throw new CliError(`找不到示例工作簿 ${SAMPLE_PATH}（run: npx tsx examples/make-sample.ts）`);
    const out = typeof options.out === "string" ? options.out : defaultOut();
    io.out(`示例工作簿（sample workbook）：${SAMPLE_PATH}`);
    const o = await summarizeWorkbook(SAMPLE_PATH, out, { force: options.force === true });
    io.out("");
    io.out(
      "数据问题（data issues; the sample's errors are deliberate — those rows are left out）："
    );
    for (const l of issueTable(o.result.issues)) io.out(l);
    const i = o.result.ids.indexOf("grades");
    io.out("");
    if (i >= 0) {
      const m = o.result.models[i];
      io.out(`等级汇总（grade roster）— ${m.title ?? ""}`);
      for (const l of rosterTable(m)) io.out(l);
    } else {
      io.out("等级汇总未生成（grade roster not made）");
    }
    io.out("");
    for (const l of outcomeLines(o)) io.out(l);
    return 0;
  },
};
