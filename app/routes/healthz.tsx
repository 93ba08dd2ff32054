import { checkHealth } from "~/infra/health.server";

/** Public health check: 200 when the database answers and storage is writable, else 503. */
export async function loader() {
  const health = await checkHealth();
  return Response.json(health, {
    status: health.ok ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
