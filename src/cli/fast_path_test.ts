import assert from "node:assert/strict";
import { startupPath } from "./fast_path.ts";

Deno.test("startupPath: --version alone loads nothing, --check loads the check, the rest all", () => {
  assert.equal(startupPath(["--version"]), "version");
  assert.equal(startupPath(["-V"]), "version");
  assert.equal(startupPath(["--check"]), "check");
  assert.equal(startupPath(["--check", "--format", "json"]), "check");
  assert.equal(startupPath(["--check", "--help"]), "full");
  assert.equal(startupPath(["--help"]), "full");
  assert.equal(startupPath(["version"]), "full");
  assert.equal(startupPath(["--version", "--check"]), "check"); // commander prints it
  assert.equal(startupPath([]), "full");
});
