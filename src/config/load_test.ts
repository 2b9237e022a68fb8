import assert from "node:assert/strict";
import { ConfigError } from "../errors.ts";
import { databasePath, loadConfig } from "./load.ts";

async function withDir(
  files: Record<string, string>,
  fn: (dir: string) => Promise<void>,
): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "bynar-config-" });
  try {
    for (const [name, text] of Object.entries(files)) {
      await Deno.writeTextFile(`${dir}/${name}`, text);
    }
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("loadConfig: a missing directory yields documented defaults", async () => {
  const c = await loadConfig("/nonexistent/bynar-config-dir", { env: {} });
  assert.equal(c.bynar.manager_port, 5555);
  assert.equal(c.bynar.approval, "auto");
  assert.equal(c.bynar.allow_reformat, false);
  assert.equal(c.bynar.smart_policy.reallocated_crit, 4);
  assert.equal(c.ceph.increment, 0.01);
  assert.equal(c.ceph.latency_cap, 15);
  assert.equal(c.ceph.backfill_cap, 50);
  assert.equal(c.ceph.max_concurrent_removals, 1);
  assert.equal(c.diskManager.listen_address, "127.0.0.1");
  assert.deepEqual(c.present, { bynar: false, diskManager: false, ceph: false });
});

Deno.test("loadConfig: accepts the original sample files", async () => {
  await withDir({
    "bynar.json": JSON.stringify({
      manager_host: "localhost",
      manager_port: 5555,
      slack_webhook: "https://hooks.slack.com/services/ID",
      slack_channel: "#my-channel",
      slack_botname: "my-bot",
      jira_user: "test_user",
      jira_password: "user_password",
      jira_host: "https://tickets.jira.com",
      jira_issue_type: "3",
      jira_priority: "4",
      jira_project_id: "MyProject",
      jira_ticket_assignee: "assignee_username",
      proxy: "https://my.proxy",
      database: {
        username: "postgres",
        password: "",
        port: 8888,
        dbname: "bynar",
        endpoint: "some.endpoint",
      },
    }),
    "disk-manager.json": JSON.stringify({ backend: "ceph" }),
    "ceph.json": JSON.stringify({
      config_file: "/etc/ceph/ceph.conf",
      user_id: "admin",
      target_weight: 1.0,
      system_disks: [{ device: "/dev/sda" }],
      osd_config: [{ is_lvm: true, dev_path: "/dev/sdb" }],
      pool_name: "rbd",
      increment: -0.05,
      udev_rule_path: "/etc/udev/rules.d/99-bynar.rules",
    }),
  }, async (dir) => {
    const c = await loadConfig(dir, { env: {} });
    assert.equal(c.bynar.jira_project_id, "MyProject");
    assert.equal(c.ceph.increment, 0.05, "a negative increment has its sign flipped");
    assert.deepEqual(c.ceph.system_disks, [{ device: "/dev/sda" }]);
    assert.deepEqual(c.present, { bynar: true, diskManager: true, ceph: true });
  });
});

Deno.test("loadConfig: one clear error naming file, field and reason", async () => {
  await withDir({ "ceph.json": JSON.stringify({ target_weight: -1 }) }, async (dir) => {
    const err = await loadConfig(dir, { env: {} }).then(() => null, (e) => e);
    assert.ok(err instanceof ConfigError);
    assert.equal(err.file, `${dir}/ceph.json`);
    assert.equal(err.field, "target_weight");
    assert.match(err.message, /ceph\.json.*"target_weight".*greater than 0/);
  });
  await withDir({ "bynar.json": JSON.stringify({ jira_hots: "x" }) }, async (dir) => {
    const err = await loadConfig(dir, { env: {} }).then(() => null, (e) => e);
    assert.ok(err instanceof ConfigError);
    assert.equal(err.field, "jira_hots");
    assert.match(err.message, /unknown field/);
  });
  await withDir({ "bynar.json": "{ not json" }, async (dir) => {
    const err = await loadConfig(dir, { env: {} }).then(() => null, (e) => e);
    assert.ok(err instanceof ConfigError);
    assert.match(err.message, /not valid JSON/);
  });
  await withDir({ "bynar.json": JSON.stringify({ manager_port: "5555" }) }, async (dir) => {
    const err = await loadConfig(dir, { env: {} }).then(() => null, (e) => e);
    assert.ok(err instanceof ConfigError);
    assert.equal(err.field, "manager_port");
  });
  await withDir({ "ceph.json": JSON.stringify({ increment: 0 }) }, async (dir) => {
    const err = await loadConfig(dir, { env: {} }).then(() => null, (e) => e);
    assert.ok(err instanceof ConfigError);
    assert.equal(err.field, "increment");
  });
});

Deno.test("loadConfig: secrets from the environment and from *_file fields", async () => {
  await withDir({ "jira.secret": "s3cret\n" }, async (dir) => {
    await Deno.writeTextFile(
      `${dir}/bynar.json`,
      JSON.stringify({ jira_password_file: `${dir}/jira.secret`, vault_token: "plain" }),
    );
    const c = await loadConfig(dir, { env: { BYNAR_VAULT_TOKEN: "from-env" } });
    assert.equal(c.bynar.jira_password, "s3cret");
    assert.equal(c.bynar.vault_token, "from-env");
  });
  await withDir({}, async (dir) => {
    await Deno.writeTextFile(
      `${dir}/bynar.json`,
      JSON.stringify({ jira_password_file: `${dir}/missing` }),
    );
    const err = await loadConfig(dir, { env: {} }).then(() => null, (e) => e);
    assert.ok(err instanceof ConfigError);
    assert.equal(err.field, "jira_password_file");
  });
});

Deno.test("loadConfig: by default reads only the three secret variables (scoped --allow-env)", async () => {
  await withDir({ "bynar.json": "{}" }, async (dir) => {
    const probe = `${dir}/probe.ts`;
    await Deno.writeTextFile(
      probe,
      `import { loadConfig } from ${JSON.stringify(new URL("./load.ts", import.meta.url).href)};
      const c = await loadConfig(${JSON.stringify(dir)});
      console.log(c.bynar.vault_token + " " + c.bynar.slack_webhook);`,
    );
    const out = await new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        // The repository's lock file and the installed node_modules, never the registry:
        // the suite must pass without network (a fresh machine after `deno install`).
        "--frozen",
        "--cached-only",
        "--quiet",
        `--config=${new URL("../../deno.json", import.meta.url).pathname}`,
        `--allow-read=${dir}`,
        "--allow-env=BYNAR_JIRA_PASSWORD,BYNAR_VAULT_TOKEN,BYNAR_SLACK_WEBHOOK",
        probe,
      ],
      cwd: new URL("../../", import.meta.url).pathname,
      clearEnv: true,
      env: {
        BYNAR_VAULT_TOKEN: "tok",
        BYNAR_SLACK_WEBHOOK: "https://hooks.example/x",
        HOME: Deno.env.get("HOME") ?? "/root",
        ...(Deno.env.get("DENO_DIR") ? { DENO_DIR: Deno.env.get("DENO_DIR")! } : {}),
        NO_COLOR: "1",
      },
      stdout: "piped",
      stderr: "piped",
    }).output();
    const text = new TextDecoder().decode(out.stdout) + new TextDecoder().decode(out.stderr);
    assert.equal(text.trim(), "tok https://hooks.example/x");
  });
});

Deno.test("databasePath: explicit path wins", () => {
  assert.equal(
    databasePath({ database_path: "/tmp/x.db" } as Parameters<typeof databasePath>[0]),
    "/tmp/x.db",
  );
});

Deno.test("loadConfig: files reads and validates only the named files (per-command configuration)", async () => {
  await withDir({
    "bynar.json": JSON.stringify({ approval: "manual" }),
    "disk-manager.json": "{ not json",
    "ceph.json": JSON.stringify({ increment: "lots" }),
  }, async (dir) => {
    const c = await loadConfig(dir, { env: {}, files: ["bynar"] });
    assert.equal(c.bynar.approval, "manual");
    assert.equal(c.diskManager.listen_address, "127.0.0.1", "disk-manager.json: defaults");
    assert.equal(c.ceph.increment, 0.01, "ceph.json: defaults");
    assert.deepEqual(c.present, { bynar: true, diskManager: false, ceph: false });
    await assert.rejects(
      loadConfig(dir, { env: {}, files: ["bynar", "ceph"] }),
      (err: unknown) => err instanceof ConfigError && err.message.includes("ceph.json"),
    );
    await assert.rejects(
      loadConfig(dir, { env: {} }),
      (err: unknown) => err instanceof ConfigError && err.message.includes("disk-manager.json"),
    );
  });
});
