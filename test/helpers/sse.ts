// Reads a thread's live stream (GET /api/v1/events) as a browser's EventSource would receive it.
import type { TestServer } from './server.ts';

export interface LiveStream {
  /** Reads until the received text matches, then returns all of it. */
  until(pattern: RegExp, timeoutMs?: number): Promise<string>;
  text(): string;
  close(): void;
}

export async function openStream(server: TestServer, site: string, page: string): Promise<LiveStream> {
  const controller = new AbortController();
  const res = await fetch(`${server.url}/api/v1/events?site=${encodeURIComponent(site)}&page=${encodeURIComponent(page)}`, { signal: controller.signal });
  if (res.status !== 200) throw new Error(`events → ${res.status}`);
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  return {
    async until(pattern, timeoutMs = 5000) {
      const deadline = setTimeout(() => controller.abort(), timeoutMs);
      try {
        while (!pattern.test(text)) {
          const { value, done } = await reader.read();
          if (done) throw new Error(`stream ended before ${pattern}: ${text}`);
          text += value;
        }
      } catch (error) {
        throw new Error(`no ${pattern} on the stream (${(error as Error).message}); got: ${text}`);
      } finally {
        clearTimeout(deadline);
      }
      return text;
    },
    text: () => text,
    close: () => controller.abort(),
  };
}
