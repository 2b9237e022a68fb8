import { deepStrictEqual as assertEquals, ok as assert } from "node:assert/strict";

function assertFalse(value: unknown, message?: string): void {
  assert(!value, message);
}
import { destructiveGate, inWindow } from "./windows.ts";

// Local-time dates (the windows are in host local time).
function at(y: number, mo: number, d: number, h: number, mi: number): Date {
  return new Date(y, mo - 1, d, h, mi);
}

Deno.test("a same-day window contains its start and not its end", () => {
  const w = { days: [3], start: "01:00", end: "05:00" }; // Wednesday
  const wed = at(2026, 11, 25, 0, 0); // 2026-11-25 is a Wednesday
  assertEquals(wed.getDay(), 3);
  assert(inWindow(at(2026, 11, 25, 1, 0), w));
  assert(inWindow(at(2026, 11, 25, 4, 59), w));
  assertFalse(inWindow(at(2026, 11, 25, 5, 0), w));
  assertFalse(inWindow(at(2026, 11, 25, 0, 59), w));
  assertFalse(inWindow(at(2026, 11, 26, 2, 0), w), "Thursday is not listed");
});

Deno.test("a window that wraps midnight belongs to the day it starts", () => {
  const w = { days: [6], start: "22:00", end: "04:00" }; // Saturday night
  assert(inWindow(at(2026, 11, 28, 23, 0), w));
  assert(inWindow(at(2026, 11, 29, 3, 59), w), "Sunday early morning");
  assertFalse(inWindow(at(2026, 11, 29, 4, 0), w));
  assertFalse(inWindow(at(2026, 11, 29, 23, 0), w), "Sunday night is not listed");
});

Deno.test("the gate: no windows = always; freeze wins over a window", () => {
  const now = at(2026, 11, 25, 2, 0);
  assert(destructiveGate(now, { windows: [], frozen: false }).allowed);
  const w = [{ days: [3], start: "01:00", end: "05:00" }];
  assert(destructiveGate(now, { windows: w, frozen: false }).allowed);
  const frozen = destructiveGate(now, {
    windows: w,
    frozen: true,
    freezeFile: "/etc/bynar/freeze",
  });
  assertFalse(frozen.allowed);
  assertEquals(frozen.reason, "frozen (/etc/bynar/freeze exists)");
  const outside = destructiveGate(at(2026, 11, 25, 9, 0), { windows: w, frozen: false });
  assertFalse(outside.allowed);
  assertEquals(outside.reason, "outside the maintenance windows (3 01:00-05:00)");
});
