// A site's "Support us" block: its text, suggested amounts, and the ways to give besides a
// card (Ko-fi, Liberapay, Open Collective, a bank-transfer page, crypto addresses). Stored as
// JSON; a damaged or missing value falls back to the defaults.
import { Type, type Static } from 'typebox';

const Amounts = Type.Array(Type.Integer({ minimum: 1, maximum: 100_000_000 }), { maxItems: 6 });

export const SupportSettingsBody = Type.Object({
  text: Type.String({ maxLength: 2000 }),
  amounts: Type.Object({ once: Amounts, month: Amounts }),
  card: Type.Boolean({ description: 'Offer card payment through Stripe Checkout (needs STRIPE_SECRET_KEY)' }),
  links: Type.Array(
    Type.Object({
      label: Type.String({ minLength: 1, maxLength: 80 }),
      url: Type.String({ minLength: 1, maxLength: 2048, description: 'https:// link: Ko-fi, Liberapay, Open Collective, a bank-transfer page…' }),
    }),
    { maxItems: 10 },
  ),
  crypto: Type.Array(
    Type.Object({
      label: Type.String({ minLength: 1, maxLength: 40, description: 'e.g. Bitcoin' }),
      address: Type.String({ minLength: 1, maxLength: 200 }),
      /** What the QR code holds, e.g. bitcoin:ADDRESS; default the address. */
      uri: Type.Optional(Type.String({ maxLength: 300 })),
    }),
    { maxItems: 6 },
  ),
});

export type SupportSettings = Static<typeof SupportSettingsBody>;

export const defaultSupportSettings: SupportSettings = {
  text: 'Reader donations keep our newsroom independent. If our reporting matters to you, please chip in.',
  amounts: { once: [1000, 2500, 5000], month: [500, 1000, 2000] },
  card: true,
  links: [],
  crypto: [],
};

export function parseSupportSettings(json: string | null): SupportSettings {
  if (!json) return defaultSupportSettings;
  try {
    const stored = JSON.parse(json) as Partial<SupportSettings>;
    return { ...defaultSupportSettings, ...stored, amounts: { ...defaultSupportSettings.amounts, ...stored.amounts } };
  } catch {
    return defaultSupportSettings;
  }
}

/** Only https links (and mailto) reach readers: no javascript: or data: URLs. */
export function safeLink(url: string): boolean {
  const parsed = URL.parse(url);
  return !!parsed && (parsed.protocol === 'https:' || parsed.protocol === 'mailto:');
}
