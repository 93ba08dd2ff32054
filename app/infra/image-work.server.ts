/**
 * One queue for CPU- and memory-heavy image work (photo processing, drawing rendering): two at a
 * time on this two-core server; a decoded 12 MP photo or a 5000 px A1 page holds 50–55 MB, and
 * more at once would only queue inside libvips/mupdf while holding memory.
 */
const LIMIT = 2;
let running = 0;
const waiting: (() => void)[] = [];

export async function heavyImageWork<T>(work: () => Promise<T>): Promise<T> {
  if (running >= LIMIT) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}
