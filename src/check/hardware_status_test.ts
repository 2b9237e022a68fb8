import assert from "node:assert/strict";
import type { HardwareCheck } from "../hardware/read.ts";
import { withHardware } from "./run.ts";

function hw(verdict: "ok" | "warning" | "critical" | null, problems: string[] = []): HardwareCheck {
  return {
    endpoint: "https://bmc",
    inventory: null,
    assessment: verdict === null ? null : { verdict, parts: [], temperatures: [], missing: [] },
    problems,
  };
}

Deno.test("withHardware: part verdicts raise the status; an unreadable BMC is UNKNOWN, never a fault", () => {
  assert.equal(withHardware("OK", hw("ok")), "OK");
  assert.equal(withHardware("OK", hw("warning")), "WARNING");
  assert.equal(withHardware("WARNING", hw("critical")), "CRITICAL");
  assert.equal(withHardware("CRITICAL", hw("ok")), "CRITICAL");
  assert.equal(withHardware("OK", hw(null, ["Cannot read the BMC"])), "UNKNOWN");
  assert.equal(withHardware("WARNING", hw(null, ["Cannot read the BMC"])), "WARNING");
  assert.equal(withHardware("OK", hw("ok", ["BMC: Cannot read /redfish/v1/Chassis"])), "UNKNOWN");
  assert.equal(withHardware("OK", hw("warning", ["BMC: partial"])), "WARNING");
});
