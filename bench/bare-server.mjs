// The reference of bench/http.ts: a bare Node http server answering `select 1` through postgres.js.
import http from "node:http";
import postgres from "postgres";

const sql = postgres(process.env.BARE_DATABASE_URL, { max: Number(process.env.DB_POOL_MAX ?? 10), onnotice: () => {} });
const server = http.createServer(async (_req, res) => {
  try {
    await sql`select 1`;
    res.writeHead(200, { "content-type": "application/json" });
    res.end('{"ok":true}');
  } catch {
    res.writeHead(503);
    res.end();
  }
});
server.listen(Number(process.env.BARE_PORT ?? 3311), "127.0.0.1");
const close = () => server.close(() => sql.end({ timeout: 5 }).then(() => process.exit(0)));
process.on("SIGTERM", close);
process.on("SIGINT", close);
