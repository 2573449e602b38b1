// A solved ALTCHA payload for a guest post, as the widget makes one: fetch a challenge for the
// site and solve it with the widget's own solver (web/widget/altcha.ts).
import { solveAltcha, type AltchaChallenge } from '../../web/widget/altcha.ts';

export async function solvedAltcha(baseUrl: string, site: string, headers: Record<string, string> = {}): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/altcha/challenge?site=${encodeURIComponent(site)}`, { headers });
  if (!res.ok) throw new Error(`GET /api/v1/altcha/challenge → ${res.status}: ${await res.text()}`);
  return solveAltcha((await res.json()) as AltchaChallenge);
}
