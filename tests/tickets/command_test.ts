import assert from "node:assert/strict";
import { CommandTickets } from "../../src/tickets/command/plugin.ts";
import { TicketError } from "../../src/tickets/errors.ts";
import type { TicketDisk } from "../../src/tickets/types.ts";

const DENO = Deno.execPath();
const SCRIPT = new URL("./fake_tracker.ts", import.meta.url).pathname;
const DISK: TicketDisk = {
  host: "node2",
  serial: "S3Z9NB0K123456",
  path: "/dev/nvme1n1",
  model: "Samsung SSD 970",
  wwn: null,
  reasons: ["NVMe media errors 17 > 0"],
  actions: [],
};

async function withTracker(
  fn: (plugin: CommandTickets, state: () => Promise<unknown[]>) => Promise<void>,
  extra: string[] = [],
): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "bynar-tracker-" });
  const file = `${dir}/state.json`;
  const plugin = new CommandTickets({
    argv: [
      DENO,
      "run",
      "--quiet",
      "--no-config",
      "--allow-read",
      "--allow-write",
      SCRIPT,
      file,
      ...extra,
    ],
    timeoutMs: 20_000,
  });
  try {
    await fn(plugin, async () => JSON.parse(await Deno.readTextFile(file)));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("command plugin: create, find, status, comment, close through a real script", async () => {
  await withTracker(async (plugin, state) => {
    assert.equal(await plugin.findOpenByDisk(DISK), null);
    const first = await plugin.create(DISK);
    assert.deepEqual(first, {
      ref: { id: "1", key: "DISK-1", url: "https://tracker.example/DISK-1" },
      created: true,
    });
    const again = await plugin.create(DISK);
    assert.equal(again.created, false);
    assert.equal(again.ref.id, "1");
    const [t] = await state() as { label: string; summary: string; description: string }[];
    assert.equal(t?.label, "bynar-node2-s3z9nb0k123456");
    assert.equal(t?.summary, "Bynar: dead disk S3Z9NB0K123456 on node2");
    assert.match(t?.description ?? "", /Device: \/dev\/nvme1n1/);
    await plugin.comment(first.ref, "osd.3 removed");
    const st = await plugin.status([first.ref, { id: "99", key: "DISK-99" }]);
    assert.equal(st.get("1")?.state, "open");
    assert.equal(st.get("99")?.state, "missing");
    await plugin.close(first.ref, "replaced");
    assert.equal((await plugin.status([first.ref])).get("1")?.state, "resolved");
    const err = await plugin.comment({ id: "42", key: "DISK-42" }, "x").then(() => null, (e) => e);
    assert.ok(err instanceof TicketError);
    assert.match(err.message, /no ticket 42/);
    assert.equal(err.ambiguous, false);
  });
});

Deno.test("command plugin: a create that crashes after filing is found, not duplicated", async () => {
  await withTracker(async (plugin, state) => {
    const res = await plugin.create(DISK);
    assert.equal(res.created, true);
    assert.equal(res.ref.id, "1");
    assert.equal((await state()).length, 1);
  }, ["--fail-create-after-filing"]);
});

Deno.test("command plugin: a hung program times out", async () => {
  const plugin = new CommandTickets({ argv: ["sleep", "30"], timeoutMs: 200 });
  const err = await plugin.findOpenByDisk(DISK).then(() => null, (e) => e);
  assert.ok(err instanceof TicketError);
  assert.match(err.message, /timed out after 200 ms/);
});

Deno.test("command plugin: garbage output is an error", async () => {
  const plugin = new CommandTickets({ argv: ["echo", "not json"] });
  await assert.rejects(() => plugin.status([{ id: "1", key: "1" }]), /is not \{"ok":true/);
  assert.throws(() => new CommandTickets({ argv: [] }), TypeError);
});
