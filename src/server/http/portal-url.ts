// Addresses of the portal itself, built from APP_URL (never from a request's
// Host header): the only links messages may carry (seed 003).
import { env } from "../env";

export function portalUrl(language: string, path: `/${string}`): string {
  return `${env().APP_URL.replace(/\/$/, "")}/${language}${path}`;
}
