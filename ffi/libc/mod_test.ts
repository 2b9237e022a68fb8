import assert from "node:assert/strict";
import { closeLibc, errno, errnoName, errnoNumber, errnoText, libc, withLibc } from "./mod.ts";

Deno.test("errnoName/errnoNumber: one table both ways", () => {
  assert.equal(errnoName(25), "ENOTTY");
  assert.equal(errnoName(11), "EAGAIN");
  assert.equal(errnoName(999), "errno 999");
  assert.equal(errnoName(undefined), "errno unknown");
  assert.equal(errnoNumber("EAGAIN"), 11);
  assert.equal(errnoNumber("ENOPE"), undefined);
});

Deno.test("libc: loaded once and shared; a close waits for calls in flight", async () => {
  const c = libc();
  assert.equal(libc(), c, "the second caller gets the same binding");
  const fd = c.open(new TextEncoder().encode("/nonexistent/bynar\0"), 0);
  assert.equal(fd, -1);
  assert.equal(errnoName(errno(c)), "ENOENT");
  assert.match(errnoText(c, 2), /No such file/);
  await withLibc(async (held) => {
    closeLibc();
    await new Promise((r) => setTimeout(r, 1));
    assert.equal(libc(), held, "still loaded while a call is in flight");
  });
  closeLibc();
});
