/**
 * One contender of the benchmark in a process of its own, so that the pipeline and the peer
 * never share a heap or a JIT state: `node --expose-gc -r tsx/cjs test/bench/contender.ts
 * pipeline|peer INPUT RUNS`. It runs once to warm up, then RUNS times, each after a full GC, and
 * prints one line `CM_CONTENDER {"wallMs":[…],"cpuMs":[…]}` (the pipeline's also its grades, the
 * peer's its grades, for the agreement check).
 *
 * - pipeline: INPUT is the .xlsx; the CLI's code path (summarizeWorkbook) into a temporary file,
 *   with the CLI's V8 settings (src/cli/runtime.js), as `cm-addin summarize` runs.
 * - peer: INPUT is a JSON file {headers, rows, policy} written by ./run.ts (the 客户经理 sheet as
 *   generated, and the policy the pipeline used).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { summarizeWorkbook } from "../../src/cli/commands/summarize";
import type { Policy } from "../../src/policy/types";
import { peerGrades } from "./peer";

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const NOW = new Date(Date.UTC(2026, 0, 5, 1, 0, 0));

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

async function main(): Promise<void> {
  const [kind, input, runsText] = process.argv.slice(2);
  const runs = Number(runsText);
  let once: () => Promise<Record<string, { score: string; final: string }>>;
  if (kind === "pipeline") {
    require("../../src/cli/runtime.js")();
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cm-contender-")), "out.xlsx");
    once = async () => {
      fs.rmSync(out, { force: true });
      const o = await summarizeWorkbook(input, out, { now: NOW });
      const roster = o.result.models.find((m) => m.name === "等级汇总");
      const grades: Record<string, { score: string; final: string }> = {};
      if (roster) {
        const at = (h: string) => roster.columns.findIndex((c) => c.header === h);
        const [iId, iScore, iFinal] = [at("员工号"), at("分数等级"), at("最终等级")];
        for (const row of roster.rows)
          grades[String(row[iId] ?? "")] = {
            score: String(row[iScore] ?? ""),
            final: String(row[iFinal] ?? ""),
          };
      }
      return grades;
    };
  } else if (kind === "peer") {
    const data = JSON.parse(fs.readFileSync(input, "utf8")) as {
      headers: string[];
      rows: unknown[][];
      policy: Policy;
    };
    once = async () =>
      Object.fromEntries(peerGrades({ headers: data.headers, rows: data.rows }, data.policy));
  } else throw new Error(`unknown contender ${kind}`);

  let grades = await once();
  const wallMs: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc();
    const c = cpuMs();
    const t = process.hrtime.bigint();
    grades = await once();
    wallMs.push(Number(process.hrtime.bigint() - t) / 1e6);
    cpu.push(cpuMs() - c);
  }
  process.stdout.write(`CM_CONTENDER ${JSON.stringify({ wallMs, cpuMs: cpu, grades })}\n`);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
