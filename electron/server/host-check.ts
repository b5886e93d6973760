/**
 * Whether a Host header names one of `allowed` (DNS-rebinding guard of a loopback-bound node). The
 * whole header must be a host name or bracketed IPv6 address with an optional port: anything else
 * (`localhost:1@evil.com`, `localhost.evil.com`, spaces, a second colon) is refused.
 */
export function hostAllowed(header: string | undefined, allowed: readonly string[]): boolean {
  if (!header || header.length > 255) return false;
  const match = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(?::(\d{1,5}))?$/.exec(header);
  if (!match) return false;
  const port = match[2];
  if (port !== undefined && Number(port) > 65535) return false;
  const name = match[1]!.toLowerCase();
  return allowed.some((a) => a.toLowerCase() === name);
}
