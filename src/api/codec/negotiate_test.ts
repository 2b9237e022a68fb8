import assert from "node:assert/strict";
import { wantsProtobuf } from "./negotiate.ts";

const r = (h: Record<string, string>) => new Request("http://x/", { headers: h });

Deno.test("wantsProtobuf follows Accept, then the request's content type", () => {
  assert.equal(wantsProtobuf(r({})), false);
  assert.equal(wantsProtobuf(r({ accept: "application/x-protobuf" })), true);
  assert.equal(wantsProtobuf(r({ accept: "application/protobuf" })), true);
  assert.equal(wantsProtobuf(r({ accept: "application/json, application/x-protobuf" })), false);
  assert.equal(wantsProtobuf(r({ accept: "application/x-protobuf, application/json" })), true);
  assert.equal(wantsProtobuf(r({ "content-type": "application/x-protobuf" })), true);
  assert.equal(
    wantsProtobuf(r({ "content-type": "application/x-protobuf", accept: "application/json" })),
    false,
  );
  assert.equal(wantsProtobuf(r({ "content-type": "application/x-protobuf", accept: "*/*" })), true);
});
