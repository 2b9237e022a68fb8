/**
 * Counts the JIRA requests of one status pass (the detector's ticket poll) with 1 and with
 * 1,000 open tickets, against the contract double, for Cloud and Data Center page sizes.
 * Prints a markdown table for BENCHMARKS.md.
 *
 * Run: deno run --allow-net tests/tickets/jira_requests_per_pass.ts
 *
 * @module
 */
import { JiraTickets } from "../../src/tickets/jira/plugin.ts";
import type { TicketRef } from "../../src/tickets/types.ts";
import { JiraDouble, type JiraDoubleFlavor } from "../doubles/jira.ts";

interface Case {
  flavor: JiraDoubleFlavor;
  label: string;
  serverCap: number;
  pageSize?: number;
}

const CASES: Case[] = [
  { flavor: "cloud", label: "Cloud, /rest/api/3/search/jql, 100/page", serverCap: 100 },
  { flavor: "datacenter", label: "DC, /rest/api/2/search, 1000/page (default)", serverCap: 1000 },
  { flavor: "datacenter", label: "DC, server capped at 50/page", serverCap: 50 },
];

async function pass(c: Case, tickets: number): Promise<{ requests: number; ms: number }> {
  const jira = new JiraDouble({ flavor: c.flavor, pageCap: c.serverCap });
  const url = jira.start();
  const plugin = new JiraTickets({
    flavor: c.flavor,
    baseUrl: url,
    auth: { kind: "basic", user: jira.user, password: jira.password },
    projectKey: "OPS",
    issueTypeId: "1",
    wontDoResolutions: ["Won't Do"],
    pageSize: c.pageSize,
  });
  try {
    const refs: TicketRef[] = [];
    for (let i = 0; i < tickets; i++) {
      const issue = jira.seed(
        ["bynar", `bynar-host-serial${i}`],
        i % 3 === 0 ? "progress" : "todo",
      );
      refs.push({ id: issue.id, key: issue.key });
    }
    const before = jira.requests.length;
    const t0 = performance.now();
    const st = await plugin.status(refs);
    const ms = performance.now() - t0;
    if (st.size !== tickets || [...st.values()].some((s) => s.state !== "open")) {
      throw new Error(`wrong statuses for ${c.label}`);
    }
    return { requests: jira.requests.length - before, ms };
  } finally {
    plugin.dispose();
    await jira.close();
  }
}

console.log(
  "| JIRA flavour / page size | open tickets | requests per pass | original Bynar | time (loopback) |",
);
console.log("|---|---:|---:|---:|---:|");
for (const c of CASES) {
  for (const n of [1, 1000]) {
    const r = await pass(c, n);
    console.log(`| ${c.label} | ${n} | ${r.requests} | ${n} | ${r.ms.toFixed(1)} ms |`);
  }
}
