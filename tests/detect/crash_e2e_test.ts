/**
 * End to end with the detector as a real process (`--once` runs) talking over HTTP to the
 * real disk-manager, started through its composition root (routes, auth with a signed JWT,
 * SQLite operation registry, audit) on an idempotent in-memory backend, the JIRA double (Data Center) and the Slack double.
 * The process is SIGKILLed at every journaled step of the loop and restarted; at the end
 * there is exactly one ticket, one removal and one add.
 *
 * The same loop against the real Ceph test cluster is in `ceph_e2e_test.ts`.
 */
import { deepStrictEqual as assertEquals, ok as assert } from "node:assert/strict";
import type {
  Backend,
  BackendDisk,
  BackendStatus,
  DiskRef,
  MutateOptions,
  OpResult,
  SafeToRemoveResult,
} from "../../src/backend/types.ts";
import { localKeySource } from "../../src/api/middleware/auth/mod.ts";
import { startDiskManager } from "../../src/app/disk_manager.ts";
import { DiskManagerConfigSchema } from "../../src/config/schema.ts";
import type { InventoryDisk } from "../../src/api/types.ts";
import { openDatabase } from "../../src/store/db.ts";
import { DetectRepo } from "../../src/store/detect_repo.ts";
import type { Workflow } from "../../src/detect/types.ts";
import { AUDIENCE, ISSUER, makeKey, sign } from "../api/harness.ts";
import { JiraDouble } from "../doubles/jira.ts";
import { SlackDouble } from "../doubles/slack.ts";

const HOSTNAME = "ceph1";
const MAIN = new URL("./detect_main.ts", import.meta.url).pathname;

/** One OSD per path; a repeated removal or add is a SkipRepeat, as the Ceph backend does. */
class IdempotentBackend implements Backend {
  readonly name = "memory";
  readonly osdByPath = new Map<string, number>([["/dev/sdb", 3]]);
  readonly destroyed = new Set<number>();
  removals = 0;
  adds = 0;
  listDisks(): Promise<BackendDisk[]> {
    return Promise.resolve([...this.osdByPath].map(([path, id]) => ({
      path,
      role: {
        kind: "osd" as const,
        osdId: id,
        up: !this.destroyed.has(id),
        in: !this.destroyed.has(id),
        destroyed: this.destroyed.has(id),
      },
    })));
  }
  safeToRemove(d: DiskRef): Promise<SafeToRemoveResult> {
    const id = this.osdByPath.get(d.path);
    if (id === undefined) {
      return Promise.resolve({ outcome: "Skipped", safe: false, reason: "not an OSD" });
    }
    if (this.destroyed.has(id)) {
      return Promise.resolve({
        outcome: "SkipRepeat",
        safe: true,
        reason: `osd.${id} already destroyed`,
        osdId: id,
      });
    }
    return Promise.resolve({ outcome: "Success", safe: true, reason: "ok", osdId: id });
  }
  remove(d: DiskRef): Promise<OpResult> {
    const id = this.osdByPath.get(d.path)!;
    if (this.destroyed.has(id)) {
      return Promise.resolve({ outcome: "SkipRepeat", message: "already", osdId: id, plan: [] });
    }
    this.destroyed.add(id);
    this.removals++;
    return Promise.resolve({
      outcome: "Success",
      message: `removed osd.${id}`,
      osdId: id,
      plan: [],
    });
  }
  add(d: DiskRef, o: MutateOptions = {}): Promise<OpResult> {
    const id = o.osdId ?? 99;
    if (this.osdByPath.get(d.path) === id && !this.destroyed.has(id)) {
      return Promise.resolve({ outcome: "SkipRepeat", message: "already up", osdId: id, plan: [] });
    }
    this.destroyed.delete(id);
    this.osdByPath.set(d.path, id);
    this.adds++;
    return Promise.resolve({ outcome: "Success", message: `added osd.${id}`, osdId: id, plan: [] });
  }
  status(): Promise<BackendStatus> {
    return Promise.resolve({ backend: "memory", health: "HEALTH_OK", details: {} });
  }
  close(): void {}
}

function inv(serial: string): InventoryDisk {
  return {
    name: "sdb",
    path: "/dev/sdb",
    type: "ROTATIONAL",
    identity: { model: "ST4000", serial, wwn: null, byIdPath: null, key: `serial:${serial}` },
    sizeBytes: 4e12,
    systemReason: null,
    partitions: [],
  };
}

interface HostFile {
  attached: Record<string, unknown>[];
  gone: Record<string, unknown>[];
  entered: Record<string, string>;
}

async function setup(approval: "auto" | "manual" = "auto") {
  const dir = await Deno.makeTempDir({ prefix: "bynar-detect-e2e-" });
  const jira = new JiraDouble({ flavor: "datacenter" });
  const slack = new SlackDouble();
  const key = await makeKey();
  const backend = new IdempotentBackend();
  let disks: InventoryDisk[] = [inv("S0")];
  const dmDb = openDatabase(`${dir}/dm.db`);
  const server = await startDiskManager(
    {
      ...DiskManagerConfigSchema.parse({
        insecure_http: true,
        jwt_issuer: ISSUER,
        jwt_audience: AUDIENCE,
        jwt_algorithms: ["EdDSA"],
        audit_log: `${dir}/audit.log`,
        rate_limit_per_second: 0,
      }),
      port: 0,
      metrics_port: 0,
    },
    {
      backend,
      inventory: { list: () => Promise.resolve(disks) },
      db: dmDb,
      keys: localKeySource({ keys: [key.publicJwk] }),
      hostnames: [HOSTNAME],
      log: () => {},
    },
  );
  const registry = server.registry;
  const port = server.addr.port;
  await Deno.writeTextFile(`${dir}/token`, await sign(key, { hosts: [HOSTNAME], expIn: 3600 }));
  await Deno.writeTextFile(
    `${dir}/bynar.json`,
    JSON.stringify({
      database_path: `${dir}/bynar.db`,
      jira_host: jira.start(),
      jira_user: jira.user,
      jira_password: jira.password,
      jira_project_id: "OPS",
      jira_issue_type: "10004",
      jira_flavor: "datacenter",
      slack_webhook: slack.start(),
      manager_host: "127.0.0.1",
      manager_port: port,
      manager_token_file: `${dir}/token`,
      manager_retries: 2,
      operation_wait_seconds: 5,
      approval,
      freeze_file: `${dir}/freeze`,
    }),
  );
  await Deno.writeTextFile(
    `${dir}/disk-manager.json`,
    JSON.stringify({ insecure_http: true, port }),
  );
  const host: HostFile = {
    attached: [{
      key: "serial:S0",
      path: "/dev/sdb",
      serial: "S0",
      wwn: null,
      model: "ST4000",
      state: "waiting_for_replacement",
      reason: "SMART critical: 12 pending sectors",
    }],
    gone: [],
    entered: { "serial:S0": new Date().toISOString() },
  };
  const writeHost = () => Deno.writeTextFile(`${dir}/host.json`, JSON.stringify(host));
  await writeHost();
  return {
    dir,
    jira,
    slack,
    backend,
    registry,
    async run(crash = ""): Promise<Deno.CommandStatus & { stderr: string }> {
      const out = await new Deno.Command(Deno.execPath(), {
        args: ["run", "-A", "--no-check", MAIN, dir, `${dir}/host.json`],
        env: { BYNAR_TEST_CRASH: crash, NO_COLOR: "1" },
        stdout: "piped",
        stderr: "piped",
      }).output();
      return { ...out, stderr: new TextDecoder().decode(out.stderr) };
    },
    async swap(): Promise<void> {
      disks = [inv("N1")];
      host.gone = [{ ...host.attached[0], vanished: true, reason: "vanished" }];
      host.attached = [{
        key: "serial:N1",
        path: "/dev/sdb",
        serial: "N1",
        wwn: null,
        model: "ST4000",
        state: "good",
        reason: "",
      }];
      await writeHost();
    },
    workflows(): Workflow[] {
      const db = openDatabase(`${dir}/bynar.db`);
      try {
        return new DetectRepo(db).list();
      } finally {
        db.close();
      }
    },
    approve(): void {
      const db = openDatabase(`${dir}/bynar.db`);
      try {
        const repo = new DetectRepo(db);
        const wf = repo.findActive("S0")!;
        repo.decide({
          workflowId: wf.id,
          serial: "S0",
          decision: "approve",
          actor: "alice",
          via: "cli",
          reason: "",
          at: new Date().toISOString(),
        });
      } finally {
        db.close();
      }
    },
    async close(): Promise<void> {
      await server.close();
      dmDb.close();
      await jira.close();
      await slack.close();
      await Deno.remove(dir, { recursive: true });
    },
  };
}

type World = Awaited<ReturnType<typeof setup>>;

/**
 * Plays the people: once the detector reports the disk removed and its ticket filed, swap
 * the disk, then resolve that ticket.
 */
async function people(w: World, swapped: { v: boolean }): Promise<void> {
  const wf = w.workflows()[0];
  if (wf?.removal === "done" && wf.ticketKey && !swapped.v) {
    await w.swap();
    swapped.v = true;
    w.jira.resolve(wf.ticketKey, "Fixed");
  }
}

async function loop(w: World, crash: string): Promise<{ crashed: boolean; runs: number }> {
  const swapped = { v: false };
  let crashed = false;
  let runs = 0;
  for (; runs < 12; runs++) {
    const r = await w.run(crashed ? "" : crash);
    if (r.signal === "SIGKILL") crashed = true;
    else assertEquals(r.code, 0, r.stderr);
    await people(w, swapped);
    const wf = w.workflows()[0];
    if (wf?.status === "done") break;
  }
  return { crashed, runs };
}

const CRASH_POINTS = [
  "after:^about to file_ticket",
  "before:^ticket OPS-1 filed",
  "after:^about to remove",
  "before:^remove started",
  "before:^removed:",
  "before:^safe-to-remove",
  "after:^about to add",
  "before:^add started",
  "before:^added:",
  "after:^closing",
  "before:^ticket closed",
];

Deno.test({
  name: "no crash: the whole loop through the real API, JIRA and Slack doubles",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const w = await setup();
    try {
      const { runs } = await loop(w, "");
      const wf = w.workflows()[0]!;
      assertEquals(wf.status, "done", JSON.stringify(wf));
      assertEquals(wf.outcome, "replaced");
      assertEquals(wf.osdId, 3);
      assert(runs <= 4, `took ${runs} runs`);
      assertEquals(w.jira.issues.size, 1);
      assertEquals(w.backend.removals, 1);
      assertEquals(w.backend.adds, 1);
      assertEquals(w.backend.osdByPath.get("/dev/sdb"), 3, "re-added with the kept id");
      const issue = [...w.jira.issues.values()][0]!;
      assertEquals(issue.fields.status.statusCategory.key, "done");
      assert(issue.comments.some((c) => JSON.stringify(c.body).includes("added it back as osd.3")));
      const texts = w.slack.messages.map((m) => JSON.stringify(m));
      assert(texts.some((t) => t.includes("OPS-1")), "Slack named the ticket");
      const audit = await Deno.readTextFile(`${w.dir}/audit.log`);
      assert(
        audit.includes('"disk_identity":"serial:S0"') &&
          audit.includes('"disk_identity":"serial:N1"'),
        "mutations name the disk identity",
      );
    } finally {
      await w.close();
    }
  },
});

for (const point of CRASH_POINTS) {
  Deno.test({
    name: `kill -9 at "${point}", then restart: exactly one ticket, one removal, one add`,
    sanitizeResources: false,
    sanitizeOps: false,
    fn: async () => {
      const w = await setup();
      try {
        const { crashed } = await loop(w, point);
        assert(crashed, `the process was killed at ${point}`);
        const wf = w.workflows()[0]!;
        assertEquals(wf.status, "done", JSON.stringify(wf));
        assertEquals(w.jira.issues.size, 1, "one ticket");
        assertEquals(w.backend.removals, 1, "one removal");
        assertEquals(w.backend.adds, 1, "one add");
        assertEquals([...w.jira.issues.values()][0]!.fields.status.statusCategory.key, "done");
      } finally {
        await w.close();
      }
    },
  });
}

Deno.test({
  name: "manual approval through the process: nothing removed until approved",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const w = await setup("manual");
    try {
      assertEquals((await w.run()).code, 0);
      assertEquals((await w.run()).code, 0);
      assertEquals(w.backend.removals, 0);
      assertEquals(w.jira.issues.size, 1);
      assertEquals(w.workflows()[0]!.step, "awaiting_approval");
      w.approve();
      assertEquals((await w.run()).code, 0);
      assertEquals(w.backend.removals, 1);
    } finally {
      await w.close();
    }
  },
});

Deno.test({
  name: "freeze file: ticket filed, nothing removed until the file is gone",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const w = await setup();
    try {
      await Deno.writeTextFile(`${w.dir}/freeze`, "");
      assertEquals((await w.run()).code, 0);
      assertEquals(w.backend.removals, 0);
      assertEquals(w.jira.issues.size, 1);
      assert(w.workflows()[0]!.note.startsWith("removal deferred: frozen"));
      await Deno.remove(`${w.dir}/freeze`);
      assertEquals((await w.run()).code, 0);
      assertEquals(w.backend.removals, 1);
    } finally {
      await w.close();
    }
  },
});
