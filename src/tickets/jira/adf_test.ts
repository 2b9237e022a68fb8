import assert from "node:assert/strict";
import { descriptionBlocks } from "../text.ts";
import { adfToPlain, blocksToAdf, plainToAdf } from "./adf.ts";

Deno.test("plainToAdf: paragraphs and hard breaks; round trip", () => {
  const doc = plainToAdf("one\ntwo\n\nthree");
  assert.deepEqual(doc, {
    type: "doc",
    version: 1,
    content: [
      {
        type: "paragraph",
        content: [{ type: "text", text: "one" }, { type: "hardBreak" }, {
          type: "text",
          text: "two",
        }],
      },
      { type: "paragraph", content: [{ type: "text", text: "three" }] },
    ],
  });
  assert.equal(adfToPlain(doc), "one\ntwo\n\nthree");
  assert.equal(adfToPlain("v2 body"), "v2 body");
  assert.equal(adfToPlain(null), "");
});

Deno.test("blocksToAdf: a valid doc with bold field names and bullet lists", () => {
  const doc = blocksToAdf(descriptionBlocks({
    host: "n1",
    serial: "S1",
    path: "/dev/sdb",
    wwn: "0x5000",
    reasons: ["pending sectors 8"],
    actions: [],
  }));
  assert.equal(doc.type, "doc");
  assert.equal(doc.version, 1);
  const types = doc.content?.map((n) => n.type);
  assert.deepEqual(types, [
    "paragraph",
    "paragraph",
    "paragraph",
    "bulletList",
    "paragraph",
    "bulletList",
    "paragraph",
  ]);
  const fields = doc.content?.[1]?.content ?? [];
  assert.deepEqual(fields[0], { type: "text", text: "Host: ", marks: [{ type: "strong" }] });
  // No empty text nodes (JIRA rejects them).
  const walk = (n: { text?: string; content?: unknown[]; type: string }): boolean =>
    (n.type !== "text" || !!n.text) && (n.content ?? []).every((c) => walk(c as typeof n));
  assert.ok(walk(doc));
  assert.match(adfToPlain(doc), /WWN: 0x5000/);
});
