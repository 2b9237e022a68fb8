import assert from "node:assert/strict";
import { JiraDouble } from "../doubles/jira.ts";

async function call(
  d: JiraDouble,
  method: string,
  path: string,
  body?: unknown,
): Promise<[number, unknown]> {
  const res = await fetch(d.url + path, {
    method,
    headers: {
      authorization: `Basic ${btoa(`${d.user}:${d.password}`)}`,
      "content-type": "application/json",
    },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const text = await res.text();
  return [res.status, text ? JSON.parse(text) : null];
}

Deno.test("jira double (cloud): GET search/jql pages with nextPageToken, ids only without fields; /search is 410", async () => {
  const d = new JiraDouble({ flavor: "cloud" });
  d.start();
  try {
    for (let i = 0; i < 3; i++) d.seed(["bynar"]);
    const [s1, p1] = await call(
      d,
      "GET",
      "/rest/api/3/search/jql?jql=labels%20%3D%20bynar&maxResults=2",
    );
    assert.equal(s1, 200);
    const page1 = p1 as {
      issues: unknown[];
      nextPageToken?: string;
      isLast: boolean;
      total?: number;
    };
    assert.deepEqual(page1.issues, [{ id: "10000" }, { id: "10001" }]);
    assert.equal(page1.isLast, false);
    assert.equal("total" in page1, false);
    const [, p2] = await call(
      d,
      "GET",
      `/rest/api/3/search/jql?jql=labels%20%3D%20bynar&maxResults=2&nextPageToken=${page1.nextPageToken}`,
    );
    assert.equal("nextPageToken" in (p2 as object), false, "absent on the last page");
    assert.equal((await call(d, "POST", "/rest/api/2/search", { jql: "labels = bynar" }))[0], 410);
    const [s401] = await fetch(d.url + "/rest/api/3/search/jql?jql=x").then(async (
      r,
    ) => [r.status, await r.text()]);
    assert.equal(s401, 401);
  } finally {
    await d.close();
  }
});

Deno.test("jira double (dc): startAt/total, no search/jql, no v3; unknown JQL field is 400", async () => {
  const d = new JiraDouble({ flavor: "datacenter" });
  d.start();
  try {
    d.seed(["bynar"], "done");
    const [s, b] = await call(
      d,
      "GET",
      "/rest/api/2/search?jql=statusCategory%20%3D%20Done&fields=status",
    );
    assert.equal(s, 200);
    assert.equal((b as { total: number }).total, 1);
    assert.equal((await call(d, "POST", "/rest/api/2/search/jql", { jql: "x = 1" }))[0], 404);
    assert.equal((await call(d, "POST", "/rest/api/3/issue", {}))[0], 404);
    const [s400, e] = await call(d, "POST", "/rest/api/2/search", { jql: "bogus = 1" });
    assert.equal(s400, 400);
    assert.match(JSON.stringify(e), /Field 'bogus' does not exist/);
  } finally {
    await d.close();
  }
});
