import assert from "node:assert/strict";
import { TokenCache } from "./token_cache.ts";

const entry = (exp: number) => ({
  kid: "k1",
  principal: { sub: "s", scopes: new Set<string>(), hosts: [], expiresAt: exp },
});

Deno.test("TokenCache honours expiry, key withdrawal and its bound", () => {
  let now = 1000;
  const c = new TokenCache({ maxEntries: 2, now: () => now });
  c.set("a", entry(2000));
  assert.ok(c.get("a", () => true));
  assert.equal(c.get("a", () => false), undefined, "withdrawn key drops the entry");
  assert.equal(c.size, 0);
  c.set("a", entry(2000));
  now = 2000;
  assert.equal(c.get("a", () => true), undefined, "expired");
  c.set("x", entry(9000));
  c.set("y", entry(9000));
  c.set("z", entry(9000));
  assert.equal(c.size, 2);
  assert.equal(c.get("x", () => true), undefined, "oldest evicted");
  assert.ok(c.get("z", () => true));
});
