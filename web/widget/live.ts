// Live events over SSE. If the endpoint is missing (404) or fails before opening, stop quietly.
// 'reset': the server could not replay what was missed while disconnected; reload.
// 'comment.approved': a held comment a moderator published; for readers, a new arrival.
// 'campaign.updated': the site's fundraising campaign changed (a donation landed); no id.
export type LiveEvent = 'comment.created' | 'comment.updated' | 'comment.deleted' | 'comment.voted' | 'comment.approved' | 'campaign.updated' | 'reset';
const EVENTS: LiveEvent[] = ['comment.created', 'comment.updated', 'comment.deleted', 'comment.voted', 'comment.approved'];

function commentId(data: string): string | null {
  try {
    const d = JSON.parse(data) as { id?: unknown; commentId?: unknown; comment?: { id?: unknown } };
    const id = d.commentId ?? d.comment?.id ?? d.id;
    return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
  } catch {
    return null;
  }
}

export function subscribe(url: string, on: (event: LiveEvent, id: string) => void): () => void {
  if (typeof EventSource === 'undefined') return () => {};
  const source = new EventSource(url);
  let opened = false;
  source.onopen = () => {
    opened = true;
  };
  source.onerror = () => {
    // Never connected (404, CORS, …): give up. Once connected, EventSource reconnects itself.
    if (!opened) source.close();
  };
  source.addEventListener('reset', () => on('reset', ''));
  source.addEventListener('campaign.updated', () => on('campaign.updated', ''));
  for (const name of EVENTS) {
    source.addEventListener(name, (e) => {
      const id = commentId((e as MessageEvent<string>).data);
      if (id) on(name, id);
    });
  }
  return () => source.close();
}
