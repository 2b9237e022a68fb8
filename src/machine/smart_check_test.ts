import { deepStrictEqual as assertEquals, ok as assert } from "node:assert/strict";
import { fakeDisk } from "../../tests/machine/fakes.ts";
import { policySmartCheck } from "./smart_check.ts";

Deno.test("stock SMART check: a loop device is judged by its type (no SMART, nothing read), as --check does", async () => {
  // The path does not exist: had the check tried libatasmart/smartctl, the reasons would
  // name their failures (`sk_disk_get_blob failed`, ENOENT) instead of the disk type.
  const disk = { ...fakeDisk("loop97"), type: "LOOPBACK" as const };
  const a = await policySmartCheck().verdict(disk);
  assertEquals(a.verdict, "unknown");
  assert(a.reasons.join(" ").includes("loop devices have no SMART data"), a.reasons.join("; "));
  assert(!/sk_disk|libatasmart|smartctl/.test(a.reasons.join(" ")), a.reasons.join("; "));
});

Deno.test("stock SMART check: the reader gets the disk (type included) and the policy applies", async () => {
  const seen: string[] = [];
  const check = policySmartCheck({
    read: (d) => {
      seen.push(`${d.path}:${d.type}`);
      return Promise.reject(new Error("unused"));
    },
  });
  await check.verdict({ ...fakeDisk("sdq"), type: "ROTATIONAL" }).catch(() => {});
  assertEquals(seen, ["/dev/sdq:ROTATIONAL"]);
});
