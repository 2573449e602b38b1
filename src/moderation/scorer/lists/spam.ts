// Comment spam: the bait (money for nothing, work from home, investment and crypto pitches,
// pills, casinos, dating, followers, essays...) and the way out of the page (a link, a phone or
// WhatsApp number, "DM me", "visit my site"). rules/spam.ts needs both: bait alone is a reader
// talking about a scam, a way out alone is a reader citing a source. Weights are points in
// "spam" (see the caps in rules/spam.ts).
import type { Lex } from './types.ts';

/** Sales talk and get-rich bait. Tag "spam-bait". */
export const SPAM_BAIT: Lex[] = [
  // money for nothing, work from home
  ['make money online', 0.4], ['make money fast', 0.4], ['make money from home', 0.4], ['earn money online', 0.4],
  ['earn from home', 0.35], ['earning from home', 0.35], ['money from home', 0.35], ['income from home', 0.35],
  ['work from home', 0.25], ['working from home', 0.25], ['from home', 0.15], ['jobs from home', 0.3], ['job from home', 0.3],
  ['passive income', 0.35], ['financial freedom', 0.35], ['extra income', 0.3], ['extra cash', 0.25],
  ['get paid to', 0.3], ['earn up to', 0.3], ['earning up to', 0.3], ['start earning', 0.3], ['earn free', 0.3],
  ['no experience needed', 0.25], ['no experience required', 0.25], ['no experience', 0.2], ['flexible hours', 0.15],
  ['part time job', 0.2], ['job opportunity', 0.2], ['from your phone', 0.15], ['on my laptop', 0.15],
  ['paycheck was', 0.3], ['my testimony', 0.3], ['changed my life', 0.15], ['100 legit', 0.35], ['legit', 0.15],
  ['no investment', 0.2], ['join my team', 0.25],
  // investment and recovery scams
  ['guaranteed returns', 0.4], ['daily returns', 0.35], ['returns guaranteed', 0.4], ['100x', 0.3],
  ['forex signals', 0.35], ['trading signals', 0.35], ['free signals', 0.3], ['stock tips', 0.3],
  ['crypto mining', 0.3], ['bitcoin mining', 0.3], ['investment manager', 0.3], ['account manager', 0.2],
  ['trading platform', 0.25], ['recover your', 0.2], ['recover lost', 0.3], ['lost crypto', 0.3],
  ['recovery expert', 0.35], ['reliable hacker', 0.4], ['hire a hacker', 0.4], ['hacker', 0.2],
  // goods and services pushed in comments
  ['viagra', 0.4], ['cialis', 0.4], ['no prescription', 0.35], ['casino', 0.25], ['welcome bonus', 0.35],
  ['free spins', 0.35], ['replica', 0.3], ['replica watches', 0.4], ['cheap', 0.1], ['best prices', 0.2],
  ['best price', 0.2], ['best quality', 0.15], ['free shipping', 0.3], ['discount code', 0.3], ['promo code', 0.3],
  ['hot singles', 0.4], ['sexy girls', 0.4], ['want to chat', 0.2], ['instagram followers', 0.35],
  ['buy followers', 0.35], ['followers for', 0.25], ['backlinks', 0.35], ['seo services', 0.35],
  ['essay writing', 0.3], ['essay writers', 0.3], ['plagiarism free', 0.35], ['love spell', 0.4],
  ['love spells', 0.4], ['spell caster', 0.4], ['one weird trick', 0.35], ['lose weight', 0.15], ['weight loss', 0.15],
  ['keto', 0.15], ['cbd oil', 0.25], ['no credit check', 0.4], ['payday loan', 0.3], ['we buy houses', 0.35],
  ['quick sale', 0.2], ['claim your free', 0.35], ['free iphone', 0.4], ['giveaway', 0.2], ['in hd', 0.2],
  ['live stream', 0.15], ['limited offer', 0.3], ['limited time offer', 0.3], ['act now', 0.2],
  ['dont miss out', 0.15], ['100 guaranteed', 0.3], ['guaranteed', 0.1], ['struggling with debt', 0.2],
  ['write off up to', 0.3], ['cheap flights', 0.25],
  // blog and SEO spam opens with praise for any article
  ['great post', 0.2], ['nice post', 0.2], ['great article', 0.15], ['nice article', 0.15], ['thanks for sharing', 0.2],
  ['very informative', 0.2],
];

/** A call to leave the page or get in touch. Tag "spam-cta". */
export const SPAM_CTA: Lex[] = [
  ['dm me', 0.3], ['message me', 0.3], ['inbox me', 0.3], ['pm me', 0.3], ['text me', 0.3], ['whatsapp me', 0.35],
  ['contact me', 0.25], ['contact her', 0.2], ['contact him', 0.2], ['contact mr', 0.25], ['contact mrs', 0.25],
  ['contact dr', 0.25], ['message him', 0.2], ['message her', 0.2], ['click here', 0.3], ['click the link', 0.3],
  ['click', 0.15], ['check it out', 0.2], ['check out my', 0.3], ['visit my', 0.3], ['visit our', 0.3],
  ['link in my bio', 0.3], ['link in my profile', 0.3], ['link in bio', 0.3], ['join now', 0.3], ['join our', 0.2],
  ['sign up now', 0.3], ['register now', 0.3], ['copy this link', 0.3], ['go to this site', 0.3],
  ['details here', 0.25], ['heres how', 0.2], ['for more details', 0.15], ['referral code', 0.3], ['referral link', 0.3],
  ['use my referral', 0.3], ['call now', 0.3], ['order now', 0.3], ['buy now', 0.3], ['shop now', 0.3],
  ['claim your', 0.2], ['my channel', 0.2], ['my website', 0.2], ['our website', 0.15], ['my blog', 0.2],
];

/** Messaging apps spammers move the talk to. Tag "spam-app". */
export const SPAM_APPS: Lex[] = ['whatsapp', 'telegram', 'wechat', 'viber', 'snapchat', 'wickr', 'signal app'];

/** Investment talk: a "crypto" word and a "pitch" word in one sentence make an investment
 * pitch ("Bitcoin doubled my savings"); either alone is news ("Bitcoin fell 5%"). */
export const CRYPTO: Lex[] = [
  'bitcoin', 'bitcoins', 'btc', 'crypto', 'cryptocurrency', 'cryptocurrencies', 'forex', 'ethereum', 'usdt', 'doge',
  'dogecoin', 'binary options', 'nft', 'nfts',
];
export const CRYPTO_PITCH: Lex[] = [
  'invest', 'invested', 'returns', 'profit', 'profits', 'doubled', 'double', 'triple', 'tripled', 'earn', 'earned',
  'earning', 'earnings', 'signals', 'mining', 'recover', 'recovered', 'recovery', 'manager', 'expert', 'trader',
  'broker', 'daily', 'weekly', 'guaranteed', 'opportunity', 'trading', 'advice', 'tips', 'mentor', 'strategy',
];
