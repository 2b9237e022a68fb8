import { deepStrictEqual as assertEquals, ok as assert, rejects } from "node:assert/strict";
import { renewAt, renewingToken, tokenTimes } from "./token_source.ts";

Deno.test("renewAt: two thirds of the lifetime, at the latest a minute before expiry", () => {
  assertEquals(renewAt({ issuedAt: 0, expiresAt: 3600 }), 2400);
  assertEquals(renewAt({ issuedAt: 0, expiresAt: 30 }), 20);
  assertEquals(renewAt({ issuedAt: 100, expiresAt: null }), null);
  assertEquals(tokenTimes("not a jwt", 5), { issuedAt: 5, expiresAt: null });
});

Deno.test("renewingToken: cached, renewed before expiry, one mint for concurrent callers", async () => {
  let t = 1_000_000_000_000;
  let minted = 0;
  const jwt = (iat: number, exp: number) =>
    `x.${btoa(JSON.stringify({ iat, exp })).replace(/=+$/, "")}.y`;
  const get = renewingToken(() => {
    minted++;
    const iat = Math.floor(t / 1000);
    return Promise.resolve(jwt(iat, iat + 20));
  }, { what: "test", now: () => t });
  const [a, b] = await Promise.all([get(), get()]);
  assertEquals(a, b);
  assertEquals(minted, 1);
  t += 13_000;
  assertEquals(await get(), a, "13 s of 20: still the first token");
  t += 1_000;
  const c = await get();
  assert(c !== a, "14 s of 20: renewed");
  assertEquals(minted as number, 2);
  // A failed renewal keeps the unexpired token, then fails once it has expired.
  const failing = renewingToken(() => {
    minted++;
    if (minted > 3) return Promise.reject(new Error("vault down"));
    const iat = Math.floor(t / 1000);
    return Promise.resolve(jwt(iat, iat + 20));
  }, { what: "test", now: () => t });
  const d = await failing();
  t += 15_000;
  assertEquals(await failing(), d);
  t += 6_000;
  await rejects(failing(), /vault down/);
});
