import { describe, expect, it } from "vitest";
import { publicAddressProblem } from "./public-address";

describe("whether Retell can reach APP_URL", () => {
  it("accepts a public https address", () => {
    expect(publicAddressProblem("https://termine.salon-schoenschnitt.de")).toBeNull();
    expect(publicAddressProblem("https://203.0.113.10:8443")).toBeNull();
    expect(publicAddressProblem("https://172.32.0.1")).toBeNull(); // just outside 172.16/12
  });

  it("warns when APP_URL is not set", () => {
    expect(publicAddressProblem(undefined)).toMatch(/^Retell kann diese Adresse nicht erreichen: APP_URL ist nicht gesetzt.*Tragen Sie die öffentliche Adresse in APP_URL ein/);
    expect(publicAddressProblem("  ")).toMatch(/APP_URL ist nicht gesetzt/);
  });

  it("warns for addresses that only work inside a network", () => {
    for (const url of [
      "https://localhost:3000",
      "https://127.0.0.1",
      "https://127.12.0.1",
      "https://10.1.2.3",
      "https://192.168.178.20",
      "https://172.16.0.1",
      "https://172.31.255.255",
      "https://169.254.1.1",
      "https://salon.local",
      "https://app.localhost",
      "https://server",
      "https://[::1]:3000",
      "https://[fd00::1]",
    ]) {
      expect(publicAddressProblem(url), url).toMatch(/^Retell kann diese Adresse nicht erreichen: .* ist nur im eigenen Netz erreichbar.*Tragen Sie die öffentliche Adresse in APP_URL ein/);
    }
  });

  it("warns for plain http, also on a public host", () => {
    expect(publicAddressProblem("http://termine.salon-schoenschnitt.de")).toMatch(/^Retell kann diese Adresse nicht erreichen: Sie ist nicht verschlüsselt \(http statt https\)/);
  });

  it("names the private host rather than the missing TLS when both apply", () => {
    expect(publicAddressProblem("http://127.0.0.1:3000")).toMatch(/127\.0\.0\.1 ist nur im eigenen Netz erreichbar/);
  });

  it("warns for an address that is not one", () => {
    expect(publicAddressProblem("termine")).toMatch(/keine gültige Adresse/);
  });
});
