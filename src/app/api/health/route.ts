import { checkHealth } from "@/server/health/check-health";

export const dynamic = "force-dynamic";

/** 200 when the database answers, 503 otherwise; never any detail. */
export async function GET(): Promise<Response> {
  const health = await checkHealth();
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
