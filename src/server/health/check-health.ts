// Liveness and database reachability for load balancers (GET /api/health).
import { db } from "../db/client";

export type THealth = { status: "ok" | "unavailable" };

const TIMEOUT_MS = 2_000;

export async function checkHealth(): Promise<THealth> {
  try {
    const ping = db().$queryRaw`SELECT 1`;
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), TIMEOUT_MS).unref());
    await Promise.race([ping, timeout]);
    return { status: "ok" };
  } catch {
    // Details stay out of the response; the reason is not logged either, as it may hold the URL.
    return { status: "unavailable" };
  }
}
