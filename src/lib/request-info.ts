// What the connection history shows (issue #4, account page): an approximate
// device and a partly masked IP address, enough for the applicant to spot a
// connection that is not theirs, not enough to identify anyone else.

/** "203.0.113.42" → "203.0.113.xxx"; IPv6 → its first three groups. */
export function maskIp(ip: string | null | undefined): string | null {
  if (!ip) return null;
  const value = ip.trim().replace(/^::ffff:/i, "");
  const v4 = value.match(/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.\d{1,3}$/);
  if (v4) return `${v4[1]}.${v4[2]}.${v4[3]}.xxx`;
  if (value.includes(":")) {
    const groups = value.split("::")[0]!.split(":").filter(Boolean).slice(0, 3);
    return `${groups.join(":")}:…`;
  }
  return null;
}

export type DeviceLabel = { kind: "phone" | "tablet" | "computer" | "unknown"; system: string | null; browser: string | null };

/** A coarse label from the User-Agent header: kind of device, system, browser. */
export function deviceLabel(userAgent: string | null | undefined): DeviceLabel {
  const ua = userAgent ?? "";
  const system = /Android/.test(ua) ? "Android" : /iPhone|iPad|iOS/.test(ua) ? "iOS" : /Windows/.test(ua) ? "Windows" : /Mac OS X/.test(ua) ? "macOS" : /Linux/.test(ua) ? "Linux" : null;
  const browser = /SamsungBrowser/.test(ua) ? "Samsung Internet" : /Edg\//.test(ua) ? "Edge" : /Firefox\//.test(ua) ? "Firefox" : /OPR\//.test(ua) ? "Opera" : /Chrome\//.test(ua) ? "Chrome" : /Safari\//.test(ua) ? "Safari" : null;
  const kind = /iPad|Tablet/.test(ua) ? "tablet" : /Mobile|iPhone|Android/.test(ua) ? "phone" : system ? "computer" : "unknown";
  return { kind, system, browser };
}

/** Stored form of a device label: "phone|Android|Chrome". */
export function encodeDeviceLabel(label: DeviceLabel): string {
  return [label.kind, label.system ?? "", label.browser ?? ""].join("|");
}

export function decodeDeviceLabel(value: string | null): DeviceLabel {
  const [kind, system, browser] = (value ?? "").split("|");
  const known = kind === "phone" || kind === "tablet" || kind === "computer" ? kind : "unknown";
  return { kind: known, system: system || null, browser: browser || null };
}
