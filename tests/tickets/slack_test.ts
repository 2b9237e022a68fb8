import assert from "node:assert/strict";
import { createNotifier, NoopNotifier, SlackNotifier } from "../../src/notify/mod.ts";
import { SlackDouble } from "../doubles/slack.ts";
import { ManualClock } from "../doubles/clock.ts";

async function withSlack(
  fn: (slack: SlackDouble, clock: ManualClock, logs: string[]) => Promise<void>,
): Promise<void> {
  const slack = new SlackDouble();
  slack.start();
  try {
    await fn(slack, new ManualClock(), []);
  } finally {
    await slack.close();
  }
}

Deno.test("slack: sends text, channel and bot name to the webhook", async () => {
  await withSlack(async (slack, clock) => {
    const n = new SlackNotifier({
      webhook: slack.webhook,
      channel: "#storage",
      botname: "bynar",
      clock,
    });
    n.notify({ kind: "removed", host: "node1", disk: "/dev/sdb", osdId: 12 });
    n.notify({ kind: "ticket_filed", host: "node1", disk: "/dev/sdb", ticket: "OPS-7" });
    assert.equal(await n.flush(), true);
    assert.deepEqual(slack.messages, [
      {
        text: "Removed disk /dev/sdb (osd.12) on host node1; waiting for a replacement",
        channel: "#storage",
        username: "bynar",
      },
      {
        text: "Filed ticket OPS-7 for disk /dev/sdb on host node1",
        channel: "#storage",
        username: "bynar",
      },
    ]);
    assert.deepEqual(n.stats, { sent: 2, failed: 0, dropped: 0 });
    n.close();
  });
});

Deno.test("slack: no channel/username fields when not configured", async () => {
  await withSlack(async (slack, clock) => {
    const n = createNotifier(
      { slack_webhook: slack.webhook, slack_channel: "", slack_botname: "" },
      { clock },
    );
    n.notify({ kind: "started", host: "node1" });
    await n.flush();
    assert.deepEqual(slack.messages, [{ text: "Bynar started on host node1" }]);
    n.close();
  });
});

Deno.test("slack: 429/503 are retried with Retry-After and back-off, in order", async () => {
  await withSlack(async (slack, clock) => {
    const logs: string[] = [];
    slack.faults.push({ status: 429, retryAfter: "4" }, { status: 503 }, { status: 500 });
    const n = new SlackNotifier({ webhook: slack.webhook, clock, log: (m) => logs.push(m) });
    n.send("one");
    n.send("two");
    await n.flush();
    assert.deepEqual(slack.messages.map((m) => m.text), ["one", "two"]);
    assert.deepEqual(clock.sleeps, [4000, 2000, 4000]);
    assert.equal(slack.requests, 5);
    assert.ok(logs.every((l) => !l.includes(slack.path) && !l.includes("secret")), logs.join("\n"));
    n.close();
  });
});

Deno.test("slack: an outage never blocks the caller and gives up after the attempts", async () => {
  await withSlack(async (slack, clock) => {
    const logs: string[] = [];
    slack.faults.push({ status: 503, times: 100 });
    const n = new SlackNotifier({
      webhook: slack.webhook,
      clock,
      maxAttempts: 3,
      log: (m) => logs.push(m),
    });
    const t0 = performance.now();
    for (let i = 0; i < 5; i++) n.notify({ kind: "error", host: "node1", error: `e${i}` });
    assert.ok(performance.now() - t0 < 50, "notify returns at once");
    await n.flush({ timeoutMs: 5000 });
    assert.deepEqual(n.stats, { sent: 0, failed: 5, dropped: 0 });
    assert.equal(slack.requests, 15);
    assert.match(logs.at(-1) ?? "", /Cannot send Slack message after 3 attempts: HTTP 503/);
    n.close();
  });
});

Deno.test("slack: a 404 (bad webhook) is not retried; an unreachable host is redacted", async () => {
  await withSlack(async (slack, clock) => {
    const logs: string[] = [];
    const bad = new SlackNotifier({
      webhook: slack.webhook + "x",
      clock,
      log: (m) => logs.push(m),
    });
    bad.send("hello");
    await bad.flush();
    assert.deepEqual(bad.stats, { sent: 0, failed: 1, dropped: 0 });
    assert.equal(slack.requests, 1);
    bad.close();
    const dead = new SlackNotifier({
      webhook: "http://127.0.0.1:9/services/T1/B1/topsecretpart",
      clock,
      maxAttempts: 2,
      log: (m) => logs.push(m),
    });
    dead.send("hello");
    await dead.flush();
    assert.equal(dead.stats.failed, 1);
    assert.ok(logs.every((l) => !l.includes("topsecretpart")), logs.join("\n"));
    dead.close();
  });
});

Deno.test("slack: a full queue drops the oldest; close drops the rest", async () => {
  let release = (): void => {};
  const gate = new Promise<void>((r) => release = r);
  const sent: string[] = [];
  const fakeFetch = (async (_url: string | URL | Request, init?: RequestInit) => {
    await gate;
    sent.push(JSON.parse(String(init?.body)).text);
    return new Response("ok");
  }) as typeof fetch;
  const n = new SlackNotifier({
    webhook: "https://hooks.slack.com/services/T/B/X",
    fetch: fakeFetch,
    maxQueue: 1,
  });
  n.send("a");
  n.send("b");
  n.send("c");
  assert.equal(n.stats.dropped, 1);
  release();
  await n.flush();
  assert.deepEqual(sent, ["a", "c"], "a was in flight, b was the oldest waiting");
  n.close();
  n.send("late");
  assert.equal(n.stats.dropped, 2);
});

Deno.test("notify: no webhook gives the no-op notifier", async () => {
  const n = createNotifier({});
  assert.ok(n instanceof NoopNotifier);
  n.notify({ kind: "started", host: "h" });
  assert.equal(await n.flush(), true);
  assert.throws(() => new SlackNotifier({ webhook: "ftp://x" }), TypeError);
});
