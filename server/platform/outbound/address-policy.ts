/**
 * Which IP addresses a company-configured URL may reach: public unicast only. The ranges come
 * from ipaddr.js (loopback, private, link-local, carrier-grade NAT, documentation, reserved,
 * multicast, ...); IPv6 must also lie in the global unicast block 2000::/3, which leaves out
 * IPv4-compatible (::7f00:1), NAT64 (64:ff9b::/96, 64:ff9b:1::/48), site-local (fec0::/10)
 * and every other special block, while 6to4 (2002::/16) and Teredo are refused by range.
 * IPv4-mapped addresses (::ffff:a.b.c.d) are judged as the IPv4 address they carry.
 */
import ipaddr from "ipaddr.js";

const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR("2000::/3");

export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  if (parsed.range() !== "unicast") return false;
  return parsed.kind() === "ipv4" || parsed.match(GLOBAL_UNICAST_V6);
}
