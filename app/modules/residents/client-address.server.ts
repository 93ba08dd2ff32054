/**
 * The client's address for rate limits. remix-serve does not pass the socket's address to
 * loaders, so behind the county's reverse proxy the first X-Forwarded-For hop (or X-Real-IP) is
 * used; without a proxy every client shares one key, and the per-code limit still holds.
 */
export function clientAddress(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return (forwarded || request.headers.get("x-real-ip") || "direct").slice(0, 64);
}
