/**
 * A deterministic (seeded) simulation of a Bynar fleet at scale: how many replacement
 * workflows, JIRA requests and monitor operations (config-key and others) a fleet generates
 * per hour, whether the cluster's removal budget keeps up, and what a correlated burst does.
 *
 * The per-workflow request counts are the product's own (see {@linkcode COSTS}); the
 * failure rate defaults to Backblaze's 2022 fleet-wide annualized failure rate, 1.37 %
 * ("Backblaze Drive Stats for 2022", https://www.backblaze.com/blog/backblaze-drive-stats-for-2022/;
 * 1.01 % in 2021, 1.57 % in 2024).
 *
 * Model, one step per detector pass (`interval_seconds`, 300 by default), all hosts on one
 * cluster: a disk fails (Poisson per disk), its workflow checks safety every pass until a
 * slot of `max_concurrent_removals` is free (a slot is used from the start of the drain
 * until the replacement is added: removals in progress plus destroyed OSDs awaiting their
 * replacement, as `backend/ceph/lease.ts` counts), drains (`drainHours`), files its ticket,
 * waits for the technician (exponential, mean `replaceHours`), is added (`addHours`),
 * closes its ticket. Requests per step:
 *
 * - JIRA: one status search per pass on every host with at least one filed ticket
 *   (`detect/pass.ts`), create = label search + POST, one "removed" comment, close = GET
 *   issue + GET transitions + POST transition (`tickets/jira/plugin.ts`).
 * - Monitors: every safety check reads the lease prefix (1 config-key dump) plus `osd dump`,
 *   `osd tree`, `osd metadata`, `pg stat`, `safe-to-destroy`, `ok-to-stop` (6 commands);
 *   acquiring a lease = dump + set + dump; a renewal every `removal_lease_seconds`/3 during
 *   the drain = dump + set; the release = rm; the drain polls `safe-to-destroy`, `pg stat`,
 *   `pg ls-by-osd` every `drainPollSeconds`.
 *
 * Run: `deno run tools/fleet_sim.ts` (prints the README table).
 *
 * @module
 */

/** Requests per event, from the product's code paths (see the module comment). */
export const COSTS = {
  jiraSearchPerHostPass: 1,
  jiraCreate: 2,
  jiraComments: 1,
  jiraClose: 3,
  keySafetyCheck: 1,
  monSafetyCheck: 6,
  keyAcquire: 3,
  keyRenew: 2,
  keyRelease: 1,
  monDrainPoll: 3,
} as const;

/** A correlated failure: many disks of a few hosts at the same moment. */
export interface Burst {
  /** Hour of the year it happens. */
  atHour: number;
  /** Hosts hit. */
  hosts: number;
  /** Disks per host hit. */
  disksPerHost: number;
}

/** Options of {@linkcode simulateFleet}. */
export interface FleetOptions {
  /** PRNG seed. */
  seed: number;
  /** Hosts. */
  hosts: number;
  /** Disks per host. */
  disksPerHost: number;
  /** Annualized failure rate per disk (0.0137 = 1.37 %). */
  afr: number;
  /** Simulated days. */
  days: number;
  /** `max_concurrent_removals`. */
  budget: number;
  /** `interval_seconds`. @default 300 */
  passSeconds?: number;
  /** Drain (out → safe to destroy) hours. @default 4 */
  drainHours?: number;
  /** Mean hours from the ticket to the disk swapped (exponential). @default 48 */
  replaceHours?: number;
  /** Add and weigh-in hours. @default 2 */
  addHours?: number;
  /** `removal_lease_seconds`. @default 3600 */
  leaseSeconds?: number;
  /** Drain poll period, seconds. @default 10 */
  drainPollSeconds?: number;
  /** Correlated failures. @default [] */
  bursts?: readonly Burst[];
}

/** Totals and peaks of one simulation. */
export interface FleetResult {
  /** Disk failures. */
  failures: number;
  /** Workflows closed. */
  closed: number;
  /** Mean and peak active workflows. */
  activeMean: number;
  /** Peak active workflows. */
  activePeak: number;
  /** Most slots in use at once (never above the budget). */
  slotsPeak: number;
  /** Mean and worst wait for a budget slot, hours. */
  waitMeanHours: number;
  /** Worst wait for a slot, hours. */
  waitMaxHours: number;
  /** Workflows still waiting for a slot at the end. */
  waitingAtEnd: number;
  /** JIRA requests per hour: mean and busiest hour. */
  jiraPerHourMean: number;
  /** Busiest hour's JIRA requests. */
  jiraPerHourPeak: number;
  /** Most JIRA status searches in one pass (all in the same few seconds if passes align). */
  jiraSearchesPerPassPeak: number;
  /** config-key operations per hour: mean and busiest hour. */
  keyPerHourMean: number;
  /** Busiest hour's config-key operations. */
  keyPerHourPeak: number;
  /** Other monitor/manager commands per hour: mean and busiest hour. */
  monPerHourMean: number;
  /** Busiest hour's other mon commands. */
  monPerHourPeak: number;
}

/**
 * mulberry32: a small, fast, seeded PRNG (deterministic across runs and platforms).
 *
 * @param seed The seed.
 * @returns A function returning numbers in [0, 1).
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function poisson(rand: () => number, lambda: number): number {
  // Knuth: fine for the small per-step rates here.
  const l = Math.exp(-lambda);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= rand();
  } while (p > l);
  return k - 1;
}

type Phase = "waiting" | "draining" | "awaiting" | "adding";
interface Wf {
  host: number;
  phase: Phase;
  since: number;
  until: number;
  failedAt: number;
}

/**
 * Simulates the fleet.
 *
 * @param o Fleet, failure rate, budget, durations, bursts.
 * @returns Totals and peaks.
 */
export function simulateFleet(o: FleetOptions): FleetResult {
  const rand = mulberry32(o.seed);
  const pass = o.passSeconds ?? 300;
  const stepsPerHour = 3600 / pass;
  const steps = Math.round(o.days * 24 * stepsPerHour);
  const drainSteps = Math.ceil((o.drainHours ?? 4) * stepsPerHour);
  const addSteps = Math.ceil((o.addHours ?? 2) * stepsPerHour);
  const replaceMean = (o.replaceHours ?? 48) * stepsPerHour;
  const renewEvery = (o.leaseSeconds ?? 3600) / 3 / pass;
  const pollsPerStep = pass / (o.drainPollSeconds ?? 10);
  const disks = o.hosts * o.disksPerHost;
  const lambda = disks * o.afr / (365 * 24 * stepsPerHour);
  const wfs: Wf[] = [];
  let failures = 0, closed = 0, activeSum = 0, activePeak = 0, slotsPeak = 0;
  const waits: number[] = [];
  const hourly = { jira: 0, key: 0, mon: 0 };
  const hours: { jira: number; key: number; mon: number }[] = [];
  let searchesPeak = 0;
  for (let t = 0; t < steps; t++) {
    let jira = 0, key = 0, mon = 0;
    const open = (host: number) => {
      wfs.push({ host, phase: "waiting", since: t, until: Infinity, failedAt: t });
      failures++;
    };
    for (let n = poisson(rand, lambda); n > 0; n--) open(Math.floor(rand() * o.hosts));
    for (const b of o.bursts ?? []) {
      if (Math.round(b.atHour * stepsPerHour) !== t) continue;
      const first = Math.floor(rand() * o.hosts);
      for (let h = 0; h < b.hosts; h++) {
        for (let d = 0; d < b.disksPerHost; d++) open((first + h) % o.hosts);
      }
    }
    // Advance, oldest first (the detector's order is per host; the lease race is fair).
    let slots = wfs.filter((w) => w.phase === "draining" || w.phase === "awaiting").length;
    for (const w of wfs) {
      if (w.phase === "waiting") {
        key += COSTS.keySafetyCheck;
        mon += COSTS.monSafetyCheck;
        if (slots < o.budget) {
          slots++;
          waits.push((t - w.failedAt) / stepsPerHour);
          key += COSTS.keyAcquire;
          w.phase = "draining";
          w.since = t;
          w.until = t + drainSteps;
        }
      } else if (w.phase === "draining") {
        mon += COSTS.monDrainPoll * pollsPerStep;
        if ((t - w.since) % renewEvery < 1 && t > w.since) key += COSTS.keyRenew;
        if (t >= w.until) {
          key += COSTS.keyRelease;
          jira += COSTS.jiraCreate + COSTS.jiraComments;
          w.phase = "awaiting";
          w.since = t;
          w.until = t + Math.max(1, Math.round(-Math.log(1 - rand()) * replaceMean));
        }
      } else if (w.phase === "awaiting" && t >= w.until) {
        // The add re-creates the OSD: its slot is free from now on.
        slots--;
        w.phase = "adding";
        w.since = t;
        w.until = t + addSteps;
      } else if (w.phase === "adding" && t >= w.until) {
        jira += COSTS.jiraClose;
        w.until = -1;
      }
    }
    // One status search per pass on every host with a filed, open ticket.
    const ticketHosts = new Set(
      wfs.filter((w) => w.phase === "awaiting" || w.phase === "adding").map((w) => w.host),
    );
    jira += ticketHosts.size * COSTS.jiraSearchPerHostPass;
    searchesPeak = Math.max(searchesPeak, ticketHosts.size);
    for (let i = wfs.length - 1; i >= 0; i--) {
      if (wfs[i]!.until === -1) {
        wfs.splice(i, 1);
        closed++;
      }
    }
    slotsPeak = Math.max(slotsPeak, slots);
    activeSum += wfs.length;
    activePeak = Math.max(activePeak, wfs.length);
    hourly.jira += jira;
    hourly.key += key;
    hourly.mon += mon;
    if ((t + 1) % stepsPerHour === 0) {
      hours.push({ ...hourly });
      hourly.jira = hourly.key = hourly.mon = 0;
    }
  }
  const mean = (f: (h: { jira: number; key: number; mon: number }) => number) =>
    hours.reduce((s, h) => s + f(h), 0) / Math.max(1, hours.length);
  const peak = (f: (h: { jira: number; key: number; mon: number }) => number) =>
    hours.reduce((m, h) => Math.max(m, f(h)), 0);
  return {
    failures,
    closed,
    activeMean: activeSum / steps,
    activePeak,
    slotsPeak,
    waitMeanHours: waits.reduce((a, b) => a + b, 0) / Math.max(1, waits.length),
    waitMaxHours: waits.reduce((a, b) => Math.max(a, b), 0),
    waitingAtEnd: wfs.filter((w) => w.phase === "waiting").length,
    jiraPerHourMean: mean((h) => h.jira),
    jiraPerHourPeak: peak((h) => h.jira),
    jiraSearchesPerPassPeak: searchesPeak,
    keyPerHourMean: mean((h) => h.key),
    keyPerHourPeak: peak((h) => h.key),
    monPerHourMean: mean((h) => h.mon),
    monPerHourPeak: peak((h) => h.mon),
  };
}

/** The scenarios of the README table. */
export const SCENARIOS: { name: string; options: FleetOptions }[] = [1, 2, 4, 8].map((budget) => ({
  name: `steady, budget ${budget}`,
  options: { seed: 18, hosts: 1000, disksPerHost: 24, afr: 0.0137, days: 365, budget },
})).concat([4, 8].map((budget) => ({
  name: `+ 2 hosts × 24 disks at once (day 100), budget ${budget}`,
  options: {
    seed: 18,
    hosts: 1000,
    disksPerHost: 24,
    afr: 0.0137,
    days: 365,
    budget,
    bursts: [{ atHour: 2400, hosts: 2, disksPerHost: 24 }],
  },
})));

/**
 * Renders the scenarios as a Markdown table.
 *
 * @param rows Scenario names and results.
 * @returns The table.
 */
export function markdownTable(rows: { name: string; r: FleetResult }[]): string {
  const f = (n: number, d = 1) => n.toFixed(d);
  const head = [
    "scenario",
    "failures/yr",
    "active wf (mean/peak)",
    "slot wait h (mean/max)",
    "waiting at end",
    "JIRA req/h (mean/peak)",
    "searches/pass peak",
    "config-key ops/h (mean/peak)",
    "other mon cmds/h (mean/peak)",
  ];
  const lines = [
    `| ${head.join(" | ")} |`,
    `| ${head.map(() => "---").join(" | ")} |`,
  ];
  for (const { name, r } of rows) {
    lines.push(
      `| ${
        [
          name,
          String(r.failures),
          `${f(r.activeMean)} / ${r.activePeak}`,
          `${f(r.waitMeanHours)} / ${f(r.waitMaxHours, 0)}`,
          String(r.waitingAtEnd),
          `${f(r.jiraPerHourMean)} / ${r.jiraPerHourPeak}`,
          String(r.jiraSearchesPerPassPeak),
          `${f(r.keyPerHourMean)} / ${r.keyPerHourPeak}`,
          `${f(r.monPerHourMean, 0)} / ${f(r.monPerHourPeak, 0)}`,
        ].join(" | ")
      } |`,
    );
  }
  return lines.join("\n");
}

if (import.meta.main) {
  console.log(markdownTable(SCENARIOS.map((s) => ({ name: s.name, r: simulateFleet(s.options) }))));
}
