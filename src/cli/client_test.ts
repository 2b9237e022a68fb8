import { deepStrictEqual as assertEquals } from "node:assert/strict";
import { progressLine } from "./client.ts";

Deno.test("client progress: one line per change, never a repeated or bare '…' line", () => {
  const states = [
    { state: "PENDING", step: "", message: "" },
    { state: "RUNNING", step: "", message: "" },
    { state: "RUNNING", step: "prepare", message: "ceph-volume raw prepare" },
    { state: "RUNNING", step: "prepare", message: "ceph-volume raw prepare" },
    { state: "RUNNING", step: "weigh_in", message: "osd.2 weight 0.00100 / 0.0049" },
    { state: "RUNNING", step: "weigh_in", message: "osd.2 weight 0.00100 / 0.0049" },
    { state: "RUNNING", step: "weigh_in", message: "osd.2 weight 0.00200 / 0.0049" },
    { state: "SUCCEEDED", step: "weigh_in", message: "done" },
  ] as const;
  const printed: string[] = [];
  let last: string | null = null;
  for (const s of states) {
    const line = progressLine(s as never, last);
    if (line !== null) printed.push(line);
    last = line ?? last;
  }
  assertEquals(printed, [
    "… prepare: ceph-volume raw prepare",
    "… weigh_in: osd.2 weight 0.00100 / 0.0049",
    "… weigh_in: osd.2 weight 0.00200 / 0.0049",
  ]);
});
