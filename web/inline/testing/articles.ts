// Article-like texts for the anchoring tests and the benchmark: real-sounding news prose in
// several scripts, and a deterministic generator of long articles.

export const ENGLISH = [
  'After three years of hearings, the council approved the plan on Tuesday night by a vote of seven to two.',
  'The 40-acre site, idle since the freight line closed, will become a park with a community garden, a skate area and a path along the river.',
  'Supporters packed the chamber. "This is the first big green space on the east side in a generation," said one resident who had spoken at every hearing.',
  'Opponents argued that the land should have gone to housing, and that the city has not said how it will pay for upkeep.',
  'The council will take public comments on the design until the end of the month. The council also asked for a report on costs.',
  'Construction is expected to start next spring, the council said, and the first section could open within two years.',
];

export const ARABIC = [
  'وافق المجلس البلدي مساء الثلاثاء على تحويل ساحة السكك الحديدية القديمة إلى حديقة عامة بعد ثلاث سنوات من الجلسات.',
  'وسيضم الموقع حديقة مجتمعية ومساحة للتزلج وممرا على طول النهر.',
  'وقال أحد السكان إن هذه أول مساحة خضراء كبيرة في الجانب الشرقي منذ جيل كامل.',
];

export const HINDI = [
  'नगर परिषद ने मंगलवार रात पुराने रेल यार्ड को एक सार्वजनिक पार्क में बदलने की योजना को मंज़ूरी दे दी।',
  'इस स्थान पर एक सामुदायिक बगीचा, स्केट क्षेत्र और नदी के किनारे एक रास्ता बनेगा।',
  'एक निवासी ने कहा कि यह एक पीढ़ी में पूर्वी हिस्से का पहला बड़ा हरा क्षेत्र है।',
];

export const CHINESE = [
  '市议会周二晚上以七票对两票批准了将旧铁路货场改建为公共公园的计划。',
  '这块四十英亩的土地将建成一个社区花园、一个滑板区和一条沿河步道。',
  '一位居民说，这是一代人以来东区第一个大型绿地。',
];

export const JAPANESE = [
  '市議会は火曜日の夜、古い鉄道操車場を公共の公園に変える計画を七対二で承認した。',
  '跡地にはコミュニティガーデン、スケート場、川沿いの遊歩道が整備される。',
  'ある住民は「東側にこれほど大きな緑地ができるのは一世代ぶりだ」と語った。',
];

const WORDS = (
  'the council city river park plan housing budget residents hearing vote mayor street school ' +
  'teachers market water bridge station library museum summer winter report costs design garden ' +
  'neighbours traffic bus line repairs tax funds project workers families children evening morning ' +
  'announced approved rejected argued expected opened closed delayed promised planned studied said ' +
  'new old public local small large quiet busy green narrow wide early late first last'
).split(' ');

/** mulberry32: the same sequence for the same seed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Paragraphs of generated prose, `words` words in all (at least). */
export function longArticle(words: number, seed = 1): string[] {
  const next = random(seed);
  const paragraphs: string[] = [];
  let count = 0;
  while (count < words) {
    const sentences: string[] = [];
    const n = 3 + Math.floor(next() * 4);
    for (let s = 0; s < n; s++) {
      const len = 8 + Math.floor(next() * 14);
      const w: string[] = [];
      for (let i = 0; i < len; i++) w.push(WORDS[Math.floor(next() * WORDS.length)]!);
      w[0] = w[0]!.charAt(0).toUpperCase() + w[0]!.slice(1);
      // A number now and then makes sentences less alike, as real ones are.
      if (next() < 0.3) w.splice(1 + Math.floor(next() * (len - 1)), 0, String(Math.floor(next() * 1000)));
      sentences.push(`${w.join(' ')}.`);
      count += w.length;
    }
    paragraphs.push(sentences.join(' '));
  }
  return paragraphs;
}
