// The least a start can cost here: a new PGlite data folder and an HTTP server answering.
import { PGlite } from "@electric-sql/pglite";
import Fastify from "fastify";

const client = await PGlite.create({ dataDir: process.argv[2] });
await client.query("select 1");
const app = Fastify();
app.get("/status", async () => ({ status: 200 }));
await app.listen({ port: 0, host: "127.0.0.1" });
process.stdout.write("ready\n");
process.once("SIGTERM", async () => {
  await app.close();
  await client.close();
  process.exit(0);
});
