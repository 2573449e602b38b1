// The demo site's campaign: goal 5,000 $ with ticks 0 / 2,500 / 5,000 and 895 $ raised from a
// few seeded ledger entries, so the demo page shows the bar out of the box. Idempotent: the
// entries have fixed provider ids, so a restart adds nothing.
import type { Campaigns } from './campaigns.ts';
import type { Ledger } from './ledger.ts';

export const DEMO_CAMPAIGN = 'demo-fundraiser';

const GIFTS: Array<[id: string, amount: number, name: string | null, method: string]> = [
  ['demo-1', 25_000, 'Margaret O.', 'bank_transfer'],
  ['demo-2', 10_000, null, 'cash'],
  ['demo-3', 50_000, 'The Elm Street Bakery', 'bank_transfer'],
  ['demo-4', 4_500, null, 'cash'],
];

export async function seedDemoCampaign(campaigns: Campaigns, ledger: Ledger, siteId: string, now = Date.now()): Promise<void> {
  const existing = await campaigns.require(DEMO_CAMPAIGN).catch(() => null);
  const campaign =
    existing ??
    (await campaigns.create(
      {
        site: siteId,
        title: 'Keep local news independent',
        currency: 'USD',
        goal: 500_000,
        ticks: [0, 250_000, 500_000],
        thankYou: 'Thank you! Your gift pays for reporting on the council, the courts and the schools.',
        startsAt: new Date(now - 10 * 86_400_000).toISOString(),
        endsAt: new Date(now + 30 * 86_400_000).toISOString(),
      },
      DEMO_CAMPAIGN,
    ));
  await ledger.transaction(async (tx) => {
    for (const [id, amount, name, method] of GIFTS) {
      await ledger.payment(tx, {
        campaign,
        kind: 'manual',
        provider: method,
        providerId: id,
        refs: [],
        amount,
        currency: 'USD',
        interval: 'once',
        donor: { name, anonymous: !name, email: null },
        occurredAt: Number(campaign.starts_at) + 86_400_000,
        note: 'Demo data',
        createdBy: 'demo',
      });
    }
  });
}
