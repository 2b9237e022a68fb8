import assert from "node:assert/strict";
import { JiraTickets, type JiraTicketsOptions } from "../../src/tickets/jira/plugin.ts";
import { TicketError } from "../../src/tickets/errors.ts";
import type { TicketDisk } from "../../src/tickets/types.ts";
import { JiraDouble, type JiraDoubleFlavor, type JiraDoubleOptions } from "../doubles/jira.ts";
import { ManualClock } from "../doubles/clock.ts";
import { ProxyDouble } from "../doubles/jira_proxy.ts";

const DISK: TicketDisk = {
  host: "ceph-node1.example.com",
  serial: "WD-WCC4N7 ZX91",
  path: "/dev/sdb",
  slot: "enclosure 1 bay 3",
  model: "WDC WD40EFRX",
  wwn: "0x50014ee2b5e1f0a1",
  reasons: ["ATA 5 reallocated sectors 812 > 4", "SMART overall-health FAILED"],
  actions: ["osd.12 removed from the cluster, id kept"],
  osdId: 12,
};

interface Ctx {
  jira: JiraDouble;
  plugin: JiraTickets;
  clock: ManualClock;
  logs: string[];
}

async function withJira(
  flavor: JiraDoubleFlavor,
  fn: (ctx: Ctx) => Promise<void>,
  opts: { double?: Partial<JiraDoubleOptions>; plugin?: Partial<JiraTicketsOptions> } = {},
): Promise<void> {
  const jira = new JiraDouble({ flavor, ...opts.double });
  const url = jira.start();
  const clock = new ManualClock();
  const logs: string[] = [];
  const plugin = new JiraTickets({
    flavor,
    baseUrl: url,
    auth: { kind: "basic", user: jira.user, password: jira.password },
    projectKey: "OPS",
    issueTypeId: "10001",
    priorityId: "4",
    assignee: flavor === "cloud" ? "5b10ac8d82e05b22cc7d4ef5" : "storage-oncall",
    component: "Ceph",
    wontDoResolutions: ["Won't Do", "Duplicate"],
    clock,
    log: (m) => logs.push(m),
    ...opts.plugin,
  });
  try {
    await fn({ jira, plugin, clock, logs });
  } finally {
    plugin.dispose();
    await jira.close();
  }
}

const ISSUE_POST = /^\/rest\/api\/[23]\/issue$/;
const SEARCH = /\/search/;

for (const flavor of ["cloud", "datacenter"] as const) {
  const api = flavor === "cloud" ? "3" : "2";

  Deno.test(`jira ${flavor}: create files one ticket with every field, then finds it`, async () => {
    await withJira(flavor, async ({ jira, plugin }) => {
      const first = await plugin.create(DISK);
      assert.equal(first.created, true);
      assert.match(first.ref.key, /^OPS-\d+$/);
      assert.equal(first.ref.url, `${jira.url}/browse/${first.ref.key}`);
      const post = jira.requests.find((r) => r.method === "POST" && ISSUE_POST.test(r.path));
      assert.equal(post?.path, `/rest/api/${api}/issue`);
      const f = (post?.body as { fields: Record<string, unknown> }).fields;
      assert.deepEqual(f.project, { key: "OPS" });
      assert.deepEqual(f.issuetype, { id: "10001" });
      assert.deepEqual(f.priority, { id: "4" });
      assert.deepEqual(f.components, [{ name: "Ceph" }]);
      assert.deepEqual(f.labels, ["bynar", "bynar-ceph-node1.example.com-wd-wcc4n7-zx91"]);
      assert.equal(f.summary, "Bynar: dead disk WD-WCC4N7 ZX91 on ceph-node1.example.com");
      if (flavor === "cloud") {
        assert.deepEqual(f.assignee, { accountId: "5b10ac8d82e05b22cc7d4ef5" });
        assert.equal((f.description as { type: string }).type, "doc");
        const text = JSON.stringify(f.description);
        for (const s of ["/dev/sdb", "enclosure 1 bay 3", "WDC WD40EFRX", "0x50014ee2b5e1f0a1"]) {
          assert.ok(text.includes(s), s);
        }
      } else {
        assert.deepEqual(f.assignee, { name: "storage-oncall" });
        const d = f.description as string;
        for (
          const s of [
            "Host: ceph-node1.example.com",
            "Device: /dev/sdb",
            "Slot: enclosure 1 bay 3",
            "Model: WDC WD40EFRX",
            "Serial: WD-WCC4N7 ZX91",
            "WWN: 0x50014ee2b5e1f0a1",
            "- ATA 5 reallocated sectors 812 > 4",
            "- osd.12 removed from the cluster, id kept",
          ]
        ) assert.ok(d.includes(s), s);
      }
      // Search by label precedes the create; a second create finds the open ticket.
      assert.equal(jira.requests[0]?.path.includes("search"), true);
      const again = await plugin.create(DISK);
      assert.deepEqual(again, { ref: first.ref, created: false });
      assert.equal(jira.count("POST", ISSUE_POST), 1);
      assert.equal(jira.issues.size, 1);
      assert.deepEqual(await plugin.findOpenByDisk(DISK), first.ref);
      // Never the deprecated Cloud /search, never v3 on DC.
      const paths = new Set(jira.requests.map((r) => r.path));
      if (flavor === "cloud") assert.ok(paths.has("/rest/api/3/search/jql"));
      else assert.deepEqual([...paths].sort(), ["/rest/api/2/issue", "/rest/api/2/search"]);
    });
  });

  Deno.test(`jira ${flavor}: a resolved ticket is not "open": a new failure gets a new ticket`, async () => {
    await withJira(flavor, async ({ jira, plugin }) => {
      const first = await plugin.create(DISK);
      jira.resolve(first.ref.key, "Fixed");
      assert.equal(await plugin.findOpenByDisk(DISK), null);
      const second = await plugin.create(DISK);
      assert.equal(second.created, true);
      assert.notEqual(second.ref.id, first.ref.id);
    });
  });

  Deno.test(`jira ${flavor}: a 503 after the ticket was filed does not file a duplicate`, async () => {
    await withJira(flavor, async ({ jira, plugin, clock }) => {
      jira.faults.push({ method: "POST", path: ISSUE_POST, status: 503, afterProcessing: true });
      const res = await plugin.create(DISK);
      assert.equal(res.created, true);
      assert.equal(jira.issues.size, 1);
      assert.equal(jira.count("POST", ISSUE_POST), 1, "no blind retry of the create");
      assert.equal(jira.count(undefined, SEARCH), 2, "searched again before any new attempt");
      assert.deepEqual(clock.sleeps, [1000]);
    });
  });

  Deno.test(`jira ${flavor}: a 503 before the ticket was filed: search, then one new create`, async () => {
    await withJira(flavor, async ({ jira, plugin, clock }) => {
      jira.faults.push({ method: "POST", path: ISSUE_POST, status: 503, retryAfter: "3" });
      const res = await plugin.create(DISK);
      assert.equal(res.created, true);
      assert.equal(jira.issues.size, 1);
      assert.deepEqual(
        jira.requests.map((r) =>
          `${r.method} ${SEARCH.test(r.path) ? "search" : "create"} ${r.status}`
        ),
        ["POST search 200", "POST create 503", "POST search 200", "POST create 201"],
      );
      assert.deepEqual(clock.sleeps, [3000], "Retry-After honoured");
    });
  });

  Deno.test(`jira ${flavor}: create gives up after the attempts, ambiguous, with one issue at most`, async () => {
    await withJira(flavor, async ({ jira, plugin }) => {
      jira.faults.push({ method: "POST", path: ISSUE_POST, status: 502, times: 5 });
      const err = await plugin.create(DISK).then(() => null, (e) => e);
      assert.ok(err instanceof TicketError);
      assert.equal(err.ambiguous, true);
      assert.match(err.message, /Cannot create JIRA ticket for disk "WD-WCC4N7 ZX91"/);
      assert.equal(jira.count("POST", ISSUE_POST), 3);
      assert.equal(jira.issues.size, 0);
    });
  });

  Deno.test(`jira ${flavor}: a 400 on create is not retried`, async () => {
    await withJira(flavor, async ({ jira, plugin }) => {
      const err = await plugin.create(DISK).then(() => null, (e) => e);
      assert.ok(err instanceof TicketError);
      assert.equal(err.status, 400);
      assert.equal(err.ambiguous, false);
      assert.match(err.message, /project: valid project is required/);
      assert.equal(jira.count("POST", ISSUE_POST), 1);
    }, { plugin: { projectKey: "NOPE" } });
  });

  Deno.test(`jira ${flavor}: 429 with Retry-After seconds and HTTP date are honoured`, async () => {
    await withJira(flavor, async ({ jira, plugin, clock }) => {
      jira.faults.push({ path: SEARCH, status: 429, retryAfter: "7" });
      const when = new Date(clock.now() + 12_000).toUTCString();
      jira.faults.push({ path: SEARCH, status: 503, retryAfter: when });
      assert.equal(await plugin.findOpenByDisk(DISK), null);
      assert.deepEqual(clock.sleeps, [7000, 5000], "the date is 12 s after the first wait began");
      assert.equal(jira.count(undefined, SEARCH), 3);
    });
  });

  Deno.test(`jira ${flavor}: a Retry-After beyond the limit fails with retryAt`, async () => {
    await withJira(flavor, async ({ jira, plugin, clock }) => {
      jira.faults.push({ path: SEARCH, status: 429, retryAfter: "3600" });
      const err = await plugin.findOpenByDisk(DISK).then(() => null, (e) => e);
      assert.ok(err instanceof TicketError);
      assert.equal(err.status, 429);
      assert.equal(err.code, "ticket_rate_limited");
      assert.equal(err.retryAt, clock.now() + 3_600_000);
      assert.deepEqual(clock.sleeps, []);
    });
  });

  Deno.test(`jira ${flavor}: status of many tickets is one paginated search`, async () => {
    await withJira(flavor, async ({ jira, plugin }) => {
      const refs = [];
      for (let i = 0; i < 250; i++) {
        const issue = jira.seed(["bynar", `bynar-h-s${i}`]);
        refs.push({ id: issue.id, key: issue.key });
      }
      jira.resolve(refs[0]!.key, "Fixed");
      jira.resolve(refs[1]!.key, "Won't Do");
      jira.resolve(refs[2]!.key, null);
      const before = jira.requests.length;
      const st = await plugin.status(refs);
      const pages = jira.requests.slice(before);
      assert.ok(pages.every((r) => r.method === "POST" && SEARCH.test(r.path)));
      assert.equal(
        pages.length,
        flavor === "cloud" ? 3 : 1,
        "250 tickets: Cloud 100, DC 1000 a page",
      );
      assert.equal(st.size, 250);
      assert.equal(st.get(refs[0]!.id)?.state, "resolved");
      assert.equal(st.get(refs[0]!.id)?.resolution, "Fixed");
      assert.equal(st.get(refs[1]!.id)?.state, "wont_do");
      assert.equal(st.get(refs[2]!.id)?.state, "resolved");
      assert.equal(st.get(refs[3]!.id)?.state, "open");
      assert.equal(st.get(refs[3]!.id)?.statusName, "To Do");
      if (flavor === "cloud") {
        const b = pages[1]!.body as Record<string, unknown>;
        assert.equal(typeof b.nextPageToken, "string");
        assert.equal("startAt" in b, false);
      } else {
        assert.equal((pages[0]!.body as { startAt: number }).startAt, 0);
      }
    });
  });

  Deno.test(`jira ${flavor}: a deleted ticket is reported missing`, async () => {
    await withJira(flavor, async ({ jira, plugin }) => {
      const a = jira.seed(["bynar"]);
      const b = jira.seed(["bynar"]);
      jira.issues.delete(b.id);
      const st = await plugin.status([
        { id: a.id, key: a.key },
        { id: b.id, key: b.key },
        { id: "x", key: "not a key) OR project = X" },
      ]);
      assert.equal(st.get(a.id)?.state, "open");
      assert.equal(st.get(b.id)?.state, "missing");
      assert.equal(st.get("x")?.state, "missing");
      assert.equal(jira.count(undefined, SEARCH), 2);
      assert.deepEqual(await plugin.status([]), new Map());
      assert.equal(jira.count(undefined, SEARCH), 2, "no request for no tickets");
    });
  });

  Deno.test(`jira ${flavor}: comment is stored once, even after an ambiguous 503`, async () => {
    await withJira(flavor, async ({ jira, plugin }) => {
      const { ref } = await plugin.create(DISK);
      await plugin.comment(ref, "Step: osd.12 removed\nid kept");
      jira.faults.push({ method: "POST", path: /\/comment$/, status: 503, afterProcessing: true });
      await plugin.comment(ref, "Step: ticket resolved");
      const issue = jira.issues.get(ref.id)!;
      assert.equal(issue.comments.length, 2);
      assert.equal(jira.count("POST", /\/comment$/), 2);
      const body = issue.comments[0]!.body;
      if (flavor === "cloud") assert.equal((body as { type: string }).type, "doc");
      else assert.equal(body, "Step: osd.12 removed\nid kept");
    });
  });

  Deno.test(`jira ${flavor}: close transitions to done with the resolution it requires`, async () => {
    await withJira(flavor, async ({ jira, plugin }) => {
      const { ref } = await plugin.create(DISK);
      await plugin.close(ref, "Replacement in service; closing");
      const issue = jira.issues.get(ref.id)!;
      assert.equal(issue.fields.status.statusCategory.key, "done");
      assert.equal(issue.fields.resolution?.name, "Done");
      assert.equal(issue.comments.length, 1);
      assert.equal(jira.count("POST", /\/transitions$/), 1);
      // Closing again: already done, only a comment.
      await plugin.close(ref, "Closed again");
      assert.equal(jira.count("POST", /\/transitions$/), 1);
      assert.equal(issue.comments.length, 2);
      // A restart repeating the same close (crash after the transition, before it was
      // recorded) posts nothing new.
      await plugin.close(ref, "Replacement in service; closing");
      await plugin.close(ref, "Closed again");
      assert.equal(jira.count("POST", /\/transitions$/), 1);
      assert.equal(issue.comments.length, 2);
    });
  });

  Deno.test(`jira ${flavor}: close answers "Resolution is required." with a resolution`, async () => {
    await withJira(flavor, async ({ jira, plugin }) => {
      const { ref } = await plugin.create(DISK);
      await plugin.close(ref, "done");
      const posts = jira.requests.filter((r) => r.method === "POST" && /transitions$/.test(r.path));
      assert.deepEqual(posts.map((p) => p.status), [400, 204]);
      assert.equal(jira.issues.get(ref.id)!.fields.resolution?.name, "Done");
    }, { double: { advertiseResolution: false } });
  });

  Deno.test(`jira ${flavor}: credentials never appear in errors or logs`, async () => {
    const double = new JiraDouble({ flavor });
    const url = double.start();
    const clock = new ManualClock();
    const logs: string[] = [];
    const secret = "hunter2-very-secret";
    const plugin = new JiraTickets({
      flavor,
      baseUrl: url,
      auth: { kind: "basic", user: double.user, password: secret },
      projectKey: "OPS",
      issueTypeId: "1",
      wontDoResolutions: [],
      clock,
      log: (m) => logs.push(m),
    });
    const dead = new JiraTickets({
      flavor,
      baseUrl: "http://127.0.0.1:9",
      auth: { kind: "basic", user: double.user, password: secret },
      projectKey: "OPS",
      issueTypeId: "1",
      wontDoResolutions: [],
      clock,
      log: (m) => logs.push(m),
    });
    try {
      const errs = [
        await plugin.create(DISK).then(() => null, (e) => e),
        await dead.findOpenByDisk(DISK).then(() => null, (e) => e),
        await dead.create(DISK).then(() => null, (e) => e),
      ];
      assert.ok(errs[0] instanceof TicketError);
      assert.equal(errs[0].status, 401);
      assert.match(errs[0].message, /check jira_user/);
      const b64 = btoa(`${double.user}:${secret}`);
      for (const e of errs) {
        assert.ok(e instanceof TicketError);
        const all = [e.message, e.stack, JSON.stringify(e), String(e.cause), ...logs].join("\n");
        assert.ok(!all.includes(secret), all);
        assert.ok(!all.includes(b64), all);
      }
      assert.ok(logs.length > 0, "retries were logged");
    } finally {
      plugin.dispose();
      dead.dispose();
      await double.close();
    }
  });
}

Deno.test("jira datacenter: Bearer personal access token", async () => {
  await withJira("datacenter", async ({ plugin }) => {
    const { created } = await plugin.create(DISK);
    assert.equal(created, true);
  }, {
    double: { bearerToken: "pat-123456" },
    plugin: { auth: { kind: "bearer", token: "pat-123456" } },
  });
});

Deno.test("jira cloud: search follows nextPageToken and stops when it is absent", async () => {
  await withJira("cloud", async ({ jira, plugin }) => {
    const refs = Array.from({ length: 5 }, () => {
      const i = jira.seed(["bynar"]);
      return { id: i.id, key: i.key };
    });
    await plugin.status(refs);
    const pages = jira.requests.filter((r) => SEARCH.test(r.path));
    assert.equal(pages.length, 3);
    assert.equal((pages[0]!.body as { maxResults: number }).maxResults, 2);
    assert.equal("nextPageToken" in (pages[0]!.body as object), false);
  }, { plugin: { pageSize: 2 } });
});

Deno.test("jira datacenter: search follows startAt/total when the server caps the page", async () => {
  await withJira("datacenter", async ({ jira, plugin }) => {
    const refs = Array.from({ length: 120 }, () => {
      const i = jira.seed(["bynar"]);
      return { id: i.id, key: i.key };
    });
    const st = await plugin.status(refs);
    assert.equal(st.size, 120);
    assert.ok([...st.values()].every((s) => s.state === "open"));
    const pages = jira.requests.filter((r) => SEARCH.test(r.path));
    assert.deepEqual(pages.map((p) => (p.body as { startAt: number }).startAt), [0, 50, 100]);
  }, { double: { pageCap: 50 } });
});

Deno.test("jira: a base URL with credentials is refused", () => {
  assert.throws(
    () =>
      new JiraTickets({
        flavor: "cloud",
        baseUrl: "https://me:pw@example.atlassian.net",
        auth: { kind: "basic", user: "u", password: "p" },
        projectKey: "OPS",
        issueTypeId: "1",
        wontDoResolutions: [],
      }),
    (e: Error) => e instanceof TypeError && !e.message.includes("pw@"),
  );
});

Deno.test("jira: every request goes through the configured proxy", async () => {
  const proxy = new ProxyDouble();
  const proxyUrl = proxy.start();
  try {
    await withJira("cloud", async ({ jira, plugin }) => {
      await plugin.create(DISK);
      assert.equal(proxy.seen.length, jira.requests.length);
      assert.ok(proxy.seen.length >= 2);
      assert.ok(proxy.seen.every((s) => s.includes(jira.url)), proxy.seen.join("\n"));
    }, { plugin: { proxy: proxyUrl } });
  } finally {
    await proxy.close();
  }
});
