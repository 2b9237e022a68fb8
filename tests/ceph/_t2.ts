import { getRadosConnection } from "../../ffi/librados/mod.ts";
const r = await getRadosConnection({ confPath: "/var/tmp/bynar-ceph/ceph.conf" });
for (const v of ["osd.1", 1, "1"]) {
  for (const t of ["mon", "mgr"] as const) {
    try {
      const o = t === "mon"
        ? await r.monCommand({ prefix: "pg ls-by-osd", osd: v, format: "json" })
        : await r.mgrCommand({ prefix: "pg ls-by-osd", osd: v, format: "json" });
      console.log(t, v, o.out.slice(0, 100));
    } catch (e) {
      console.log(t, v, String(e));
    }
  }
}
console.log((await r.monCommand({ prefix: "osd dump", format: "json" })).out.slice(0, 300));
r.close();
