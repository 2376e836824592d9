// Connection history (issue #4): approximate device, partly masked IP.
import { describe, expect, it } from "vitest";
import { decodeDeviceLabel, deviceLabel, encodeDeviceLabel, maskIp } from "../../src/lib/request-info";

describe("maskIp", () => {
  it.each([
    ["203.0.113.42", "203.0.113.xxx"],
    ["::ffff:198.51.100.7", "198.51.100.xxx"],
    ["2001:db8:85a3:8d3:1319:8a2e:370:7348", "2001:db8:85a3:…"],
    ["", null],
    ["not an ip", null],
  ])("%s → %s", (ip, masked) => {
    expect(maskIp(ip)).toBe(masked);
  });
});

describe("deviceLabel", () => {
  it("reads an Android phone with Chrome", () => {
    const label = deviceLabel("Mozilla/5.0 (Linux; Android 14; SM-A546B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36");
    expect(label).toEqual({ kind: "phone", system: "Android", browser: "Chrome" });
    expect(decodeDeviceLabel(encodeDeviceLabel(label))).toEqual(label);
  });

  it("reads an iPhone with Safari and a Windows computer with Firefox", () => {
    expect(deviceLabel("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Version/18.0 Mobile/15E148 Safari/604.1")).toEqual({ kind: "phone", system: "iOS", browser: "Safari" });
    expect(deviceLabel("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0")).toEqual({ kind: "computer", system: "Windows", browser: "Firefox" });
  });

  it("says unknown when there is no User-Agent", () => {
    expect(deviceLabel(null)).toEqual({ kind: "unknown", system: null, browser: null });
    expect(decodeDeviceLabel(null).kind).toBe("unknown");
  });
});
