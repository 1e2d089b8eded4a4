/**
 * Microsoft's own client library, run in a test: node_modules/@microsoft/office-js/dist/
 * excel-web-16.00.js (the Excel build of office.js, as Excel on the web loads it) evaluated in a
 * jsdom window, its transport replaced by one that records each request body. The body is what
 * Excel on the web receives (`JSON.stringify` of `{"Actions":[…],"ObjectPaths":{…}}`), so its
 * UTF-8 length is the size Excel checks against its 5 MB request limit.
 *
 * No network: the request executor is ours, and nothing else of office.js runs (no Office.onReady,
 * no host bridge). Used by test/excel/calibration.test.ts to calibrate src/excel/batch.ts and
 * src/excel/highlight.ts, and the fake host's byte counts.
 */
import * as fs from "fs";
import * as path from "path";

// jsdom is a dependency of jest-environment-jsdom (a devDependency)
const { JSDOM } = require("jsdom") as {
  JSDOM: new (html: string, opts: object) => { window: any };
};

let win: any = null;

function officeWindow(): any {
  if (win) return win;
  const file = path.resolve(
    __dirname,
    "../../node_modules/@microsoft/office-js/dist/excel-web-16.00.js"
  );
  const dom = new JSDOM("<!doctype html><html><head></head><body></body></html>", {
    runScripts: "outside-only",
    url: "https://localhost/",
  });
  dom.window.eval(fs.readFileSync(file, "utf8"));
  win = dom.window;
  return win;
}

export interface Recording {
  /** UTF-8 bytes of each request body, one per sync that had actions */
  requests: number[];
  /** the bodies themselves */
  bodies: string[];
}

let nextId = 1;

/**
 * What Excel answers to a request that only writes: the ids of the objects it made (a sheet
 * added), so that office.js refers to them by id in the next request, as it does with Excel.
 */
function excelAnswer(body: any): unknown {
  const results: unknown[] = [];
  for (const a of body.Actions ?? []) {
    const path = body.ObjectPaths?.[a.ObjectPathId];
    if (a.ActionType === 1 && path?.ObjectPathType === 3 && path.Name === "Add") {
      results.push({
        ActionId: a.Id,
        Value: { Id: `{00000000-0001-0000-0000-${String(nextId++).padStart(12, "0")}}` },
      });
    }
  }
  return { Results: results };
}

/**
 * Runs `script` against a real Excel.RequestContext whose requests are recorded and answered by
 * `respond` (default: an empty success, so proxies are not updated). Each `ctx.sync()` inside the
 * script records one request.
 */
export async function recordRequests(
  script: (ctx: Excel.RequestContext) => Promise<void> | void,
  respond?: (body: any) => unknown
): Promise<Recording> {
  const w = officeWindow();
  const ctx = new w.Excel.RequestContext();
  const out: Recording = { requests: [], bodies: [] };
  ctx.m_requestUrlAndHeaderInfo = { url: "https://localhost/recorded", headers: {} };
  ctx._requestExecutor = {
    executeAsync(_custom: unknown, _flags: number, msg: { Body: unknown }) {
      const body = JSON.stringify(msg.Body);
      out.bodies.push(body);
      out.requests.push(Buffer.byteLength(body, "utf8"));
      const answer = respond ? respond(msg.Body) : excelAnswer(msg.Body);
      return Promise.resolve({ ErrorCode: null, ErrorMessage: null, Headers: {}, Body: answer });
    },
  };
  await script(ctx as Excel.RequestContext);
  return out;
}
