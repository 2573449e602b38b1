// URL shorteners hide where a link goes. The links phase never follows them (a request from
// the server would tell the spammer the comment was seen and could reach internal addresses);
// a site holds or refuses them instead. Sites add their own with links.shortenerDomains.
export const SHORTENER_DOMAINS: readonly string[] = [
  '1url.com', 'adf.ly', 'amzn.to', 'bc.vc', 'bit.do', 'bit.ly', 'bitly.com', 'bl.ink', 'buff.ly', 'clck.ru',
  'cli.gs', 'cutt.ly', 'db.tt', 'dlvr.it', 'fb.me', 'fur.ly', 'gg.gg', 'goo.gl', 'is.gd', 'j.mp',
  'lnkd.in', 'mcaf.ee', 'ow.ly', 'ouo.io', 'po.st', 'qps.ru', 'rb.gy', 'rebrand.ly', 's.id', 'short.gy',
  'shorte.st', 'shorturl.at', 'snip.ly', 'soo.gd', 'su.pr', 't.co', 't.ly', 'tiny.cc', 'tiny.one', 'tinyurl.com',
  'tr.im', 'trib.al', 'u.to', 'urlz.fr', 'v.gd', 'vk.cc', 'wp.me', 'x.co', 'zpr.io', 'surl.li',
  'shrtco.de', 'cutt.us', 'tinu.be', 'shorturl.asia', 'lnk.to', 'linktr.ee', 'ift.tt', 'qr.ae', 'rotf.lol', 'urlr.me',
];
