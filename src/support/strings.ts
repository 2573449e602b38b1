// Reader-facing text of the support module: the goal bar (server HTML and support.js share
// it) and the "Support us" block. One catalogue, so a translation touches one file.
// Separate objects, so support.js bundles only the bar's.
export const barStrings = {
  raisedOf: (goal: string) => `raised of ${goal}`,
  donors: (n: number, text: string) => (n === 1 ? '1 donor' : `${text} donors`),
  donorsOf: (text: string, goal: string) => `${text} of ${goal} donors`,
  daysLeft: (n: number, text: string) => (n === 1 ? '1 day left' : `${text} days left`),
  ended: 'Campaign ended',
  progress: (raised: string, goal: string, percent: string) => `${raised} raised of ${goal} goal (${percent})`,
} as const;

export const blockStrings = {
  supportHeading: (site: string) => `Support ${site}`,
  once: 'One-off',
  month: 'Monthly',
  perMonth: (amount: string) => `${amount} a month`,
  otherAmount: 'Other amount',
  yourName: 'Your name (optional)',
  anonymous: 'Donate anonymously',
  email: 'E-mail for a receipt and a thank-you (never shown)',
  payByCard: 'Donate by card',
  otherWays: 'Other ways to give',
  crypto: 'Crypto',
  cryptoQr: (label: string) => `QR code for the ${label} address`,
  thanksTitle: 'Thank you!',
  thanksDefault: 'Your support keeps independent journalism going.',
  cancelled: 'No payment was made.',
  back: 'Back to the article',
} as const;
