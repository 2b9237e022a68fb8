import assert from "node:assert/strict";
import {
  closeLibc,
  errno,
  errnoName,
  errnoNumber,
  errnoText,
  libc,
  O_READ,
  setErrno,
  withLibc,
} from "./mod.ts";

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

Deno.test("libc: binding a symbol on its first use keeps the thread's errno", () => {
  closeLibc();
  const c = libc();
  setErrno(c, 2); // ENOENT, as a failed call would leave it
  c.strerror; // first use: binds strerror (a dlopen)
  assert.equal(errno(c), 2);
  setErrno(c, 13);
  assert.equal(typeof c.lseek, "function"); // first use: binds lseek
  assert.equal(errno(c), 13);
  // a failed call's errno is the call's own, whether or not its symbol was bound just then
  closeLibc();
  const d = libc();
  assert.equal(d.open(new TextEncoder().encode("/nonexistent/bynar\0"), O_READ), -1);
  assert.equal(errno(d), 2);
  closeLibc();
});
