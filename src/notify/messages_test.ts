import assert from "node:assert/strict";
import { formatNotification } from "./messages.ts";
import type { NotifyEvent } from "./types.ts";

Deno.test("formatNotification: every event names the host, and the disk and ticket when it has them", () => {
  const cases: [NotifyEvent, string][] = [
    [{ kind: "started", host: "n1" }, "Bynar started on host n1"],
    [{ kind: "stopped", host: "n1" }, "Bynar on host n1 has stopped"],
    [{ kind: "stopped", host: "n1", reason: "SIGTERM" }, "Bynar on host n1 has stopped: SIGTERM"],
    [{ kind: "config_reloaded", host: "n1" }, "Reloaded config file on n1"],
    [
      { kind: "config_reload_failed", host: "n1", path: "/etc/bynar/bynar.json", error: "bad" },
      "Failed to reload config file /etc/bynar/bynar.json on n1: bad",
    ],
    [
      { kind: "removing", host: "n1", disk: "/dev/sdb", osdId: 3 },
      "Removing disk /dev/sdb (osd.3) on host n1",
    ],
    [
      { kind: "removed", host: "n1", disk: "/dev/sdb" },
      "Removed disk /dev/sdb on host n1; waiting for a replacement",
    ],
    [
      { kind: "not_safe", host: "n1", disk: "/dev/sdb", reason: "PGs would be inactive" },
      "Need to remove disk /dev/sdb on host n1 but it is not safe: PGs would be inactive. I need a human",
    ],
    [
      { kind: "awaiting_approval", host: "n1", disk: "SER1", ticket: "OPS-2" },
      "Disk SER1 on host n1 needs replacing; waiting for approval (bynar approve), ticket OPS-2",
    ],
    [
      {
        kind: "ticket_filed",
        host: "n1",
        disk: "/dev/sdb",
        ticket: "OPS-2",
        url: "https://j/browse/OPS-2",
      },
      "Filed ticket OPS-2 for disk /dev/sdb on host n1 https://j/browse/OPS-2",
    ],
    [
      {
        kind: "ticket_wont_do",
        host: "n1",
        disk: "/dev/sdb",
        ticket: "OPS-2",
        resolution: "Won't Do",
      },
      'Ticket OPS-2 for disk /dev/sdb on host n1 was resolved as "Won\'t Do"; not acting on it',
    ],
    [
      { kind: "replaced", host: "n1", disk: "/dev/sdb", newSerial: "NEW1", ticket: "OPS-2" },
      "Replacement disk NEW1 for /dev/sdb on host n1 is back in service (ticket OPS-2)",
    ],
    [
      { kind: "ticket_closed", host: "n1", disk: "/dev/sdb", ticket: "OPS-2" },
      "Closed ticket OPS-2 for disk /dev/sdb on host n1",
    ],
    [
      { kind: "error", host: "n1", disk: "/dev/sdb", error: "timeout" },
      "Bynar error on host n1 for disk /dev/sdb: timeout",
    ],
  ];
  for (const [event, text] of cases) assert.equal(formatNotification(event), text);
});
