import assert from "node:assert/strict";
import { migrate, openDatabase, schemaVersion, StoreError } from "./db.ts";
import { MIGRATIONS } from "./migrations/mod.ts";

Deno.test("openDatabase: applies every migration once, in WAL mode", async () => {
  const dir = await Deno.makeTempDir({ prefix: "bynar-db-" });
  try {
    const path = `${dir}/sub/bynar.db`;
    const db = openDatabase(path);
    const max = Math.max(...MIGRATIONS.map((m) => m.version));
    assert.equal(schemaVersion(db), max);
    const mode = db.prepare("PRAGMA journal_mode").get() as { journal_mode: string };
    assert.equal(mode.journal_mode, "wal");
    db.close();
    const again = openDatabase(path);
    assert.deepEqual(migrate(again, MIGRATIONS), [], "a second open applies nothing");
    again.close();
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("migrate: a failing migration is rolled back and reported", () => {
  const db = openDatabase(":memory:", { migrations: [] });
  const bad = [
    { version: 1, description: "ok", sql: "CREATE TABLE a (x INTEGER);" },
    { version: 2, description: "broken", sql: "CREATE TABLE b (x INTEGER); SELECT * FROM nope;" },
  ];
  assert.throws(
    () => migrate(db, bad),
    (e) => e instanceof StoreError && /migration 2 \(broken\)/.test(e.message),
  );
  assert.equal(schemaVersion(db), 1);
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name='b'").all();
  assert.equal(tables.length, 0, "the broken migration left nothing behind");
  db.close();
});

Deno.test("migrate: duplicate versions are refused", () => {
  const db = openDatabase(":memory:", { migrations: [] });
  assert.throws(
    () =>
      migrate(db, [{ version: 1, description: "a", sql: "" }, {
        version: 1,
        description: "b",
        sql: "",
      }]),
    /share version 1/,
  );
  db.close();
});

Deno.test("migrate: a migration with a lower version added later is still applied", () => {
  const db = openDatabase(":memory:", { migrations: [] });
  const a = { version: 1, description: "a", sql: "CREATE TABLE a (x INTEGER);" };
  const c = { version: 3, description: "c", sql: "CREATE TABLE c (x INTEGER);" };
  const b = { version: 2, description: "b", sql: "CREATE TABLE b (x INTEGER);" };
  assert.deepEqual(migrate(db, [a, c]), [1, 3]);
  assert.deepEqual(migrate(db, [a, b, c]), [2], "the late lower version is applied");
  assert.deepEqual(migrate(db, [a, b, c]), []);
  db.close();
});
