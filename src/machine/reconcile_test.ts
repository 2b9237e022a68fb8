import { deepStrictEqual } from "node:assert/strict";
import { reconcile } from "./reconcile.ts";

const k = (diskKey: string, path: string, vanished = false, replaced = false) => ({
  diskKey,
  path,
  vanished,
  replaced,
});

Deno.test("reconcile: a known disk gone from the host is vanished", () => {
  deepStrictEqual(reconcile([k("serial:A", "/dev/sdb")], []), {
    vanished: ["serial:A"],
    replaced: [],
    back: [],
  });
});

Deno.test("reconcile: same serial back (even in another slot) is the same disk", () => {
  deepStrictEqual(
    reconcile([k("serial:A", "/dev/sdb", true)], [{ diskKey: "serial:A", path: "/dev/sdc" }]),
    {
      vanished: [],
      replaced: [],
      back: ["serial:A"],
    },
  );
});

Deno.test("reconcile: a new serial in the slot of a vanished disk is its replacement", () => {
  deepStrictEqual(
    reconcile([k("serial:A", "/dev/sdb", true)], [{ diskKey: "serial:B", path: "/dev/sdb" }]),
    {
      vanished: [],
      replaced: [{ oldKey: "serial:A", newKey: "serial:B", path: "/dev/sdb" }],
      back: [],
    },
  );
  // A known disk moving into the slot is not a replacement.
  deepStrictEqual(
    reconcile([k("serial:A", "/dev/sdb", true), k("serial:C", "/dev/sdc")], [{
      diskKey: "serial:C",
      path: "/dev/sdb",
    }])
      .replaced,
    [],
  );
});

Deno.test("reconcile: out-of-scope and replaced disks are left alone", () => {
  deepStrictEqual(
    reconcile([k("serial:A", "/dev/sdb"), k("serial:Z", "/dev/sdz", false, true)], [], {
      inScope: (s) => s.path === "/dev/sdc",
    }),
    { vanished: [], replaced: [], back: [] },
  );
});
