/**
 * The wire contract is generated, not hand-kept: regenerating proto/generated/ from
 * proto/bynar.proto (pinned protobufjs-cli from the local npm cache, no network) reproduces
 * the committed files byte for byte.
 */
import assert from "node:assert/strict";
import { generate, OUT_DIR, OUTPUTS } from "./gen_proto.ts";

Deno.test("gen: proto/generated/ is exactly what `deno task gen` produces", async () => {
  const files = await generate();
  assert.deepEqual([...files.keys()].sort(), [...OUTPUTS].sort());
  for (const [name, text] of files) {
    const committed = await Deno.readTextFile(new URL(`../${OUT_DIR}/${name}`, import.meta.url));
    assert.ok(text.length > 1000, `${name} is not empty`);
    assert.ok(
      committed === text,
      `${OUT_DIR}/${name} differs from a fresh generation: run deno task gen`,
    );
  }
});
