// Who is asking, for audit events, rate limits and the connection history.
// The client address is the last entry of X-Forwarded-For: the reverse proxy
// (deploy/nginx.conf) overwrites that header with the address it sees, and
// `next start` alone fills it from the socket when absent (docs/decisions/006).
import { headers } from "next/headers";
import type { RequestContext } from "../audit/record-audit-event";

export function clientIp(forwardedFor: string | null, realIp: string | null): string | null {
  const last = forwardedFor?.split(",").at(-1)?.trim();
  const ip = last || realIp?.trim() || null;
  return ip && /^[0-9a-fA-F:.]{2,45}$/.test(ip) ? ip : null;
}

export async function requestContext(): Promise<RequestContext> {
  const h = await headers();
  return { ip: clientIp(h.get("x-forwarded-for"), h.get("x-real-ip")), userAgent: h.get("user-agent")?.slice(0, 300) ?? null };
}
