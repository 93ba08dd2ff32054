/** A small keep-alive HTTP load loop: c clients, each sending its next request when the last ends. */
import http from "node:http";

export type LoadResult = {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  statuses: Record<string, number>;
  bytes: number;
};

function once(
  agent: http.Agent,
  url: URL,
  headers: Record<string, string>,
): Promise<{ status: number; ms: number; bytes: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = http.request(url, { agent, headers, method: "GET" }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
      });
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, bytes }),
      );
      res.on("error", () => resolve({ status: 0, ms: performance.now() - started, bytes }));
    });
    req.setTimeout(60_000, () => req.destroy(new Error("timeout")));
    req.on("error", () => resolve({ status: 0, ms: performance.now() - started, bytes: 0 }));
    req.end();
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? 0
    : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/**
 * Runs for `seconds` (and at least `minRequests` requests, at most `maxSeconds`); latencies in ms.
 */
export async function load(
  target: string,
  {
    clients,
    seconds,
    minRequests = 5,
    maxSeconds = 20,
    headers = {},
  }: {
    clients: number;
    seconds: number;
    minRequests?: number;
    maxSeconds?: number;
    headers?: Record<string, string>;
  },
): Promise<LoadResult> {
  const url = new URL(target);
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let bytes = 0;
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  const more = () =>
    elapsed() < maxSeconds && (elapsed() < seconds || latencies.length < minRequests);
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (more()) {
        const r = await once(agent, url, { accept: "text/html", ...headers });
        latencies.push(r.ms);
        bytes += r.bytes;
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      }
    }),
  );
  const total = elapsed();
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    seconds: total,
    rps: latencies.length / total,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    statuses,
    bytes: latencies.length ? bytes / latencies.length : 0,
  };
}
