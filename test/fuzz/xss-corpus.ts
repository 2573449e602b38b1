// Classic XSS vectors, each posted as a comment body, an author name, a thread title and URL
// (see xss.test.ts). Sources: the OWASP XSS filter evasion cheat sheet, PortSwigger's XSS
// cheat sheet, published mutation-XSS shapes (DOMPurify bypasses) and Markdown-specific
// link tricks. Every one must come out inert wherever it is rendered.

export interface XssVector {
  name: string;
  payload: string;
}

const v = (name: string, payload: string): XssVector => ({ name, payload });

export const XSS_CORPUS: XssVector[] = [
  // Script elements.
  v('script tag', '<script>alert(1)</script>'),
  v('upper-case script with src', '<SCRIPT SRC=//evil.example/x.js></SCRIPT>'),
  v('nested script to survive one strip', '<scr<script>ipt>alert(1)</scr</script>ipt>'),
  v('script with a slash attribute', '<script/xss src="//evil.example/x.js"></script>'),
  v('closing the paragraph first', '</p><script>alert(1)</script><p>'),
  v('unclosed angle before script', '<<script>alert(1)//<</script>'),
  v('script in a blank line of its own', 'Hello\n\n<script>alert(1)</script>\n\nbye'),

  // Event handlers.
  v('img onerror', '<img src=x onerror=alert(1)>'),
  v('mixed-case onerror', '<IMG SRC=x oNeRrOr=alert(1)>'),
  v('body onload', '<body onload=alert(1)>'),
  v('svg onload', '<svg/onload=alert(1)>'),
  v('div onmouseover', '<div onmouseover="alert(1)">hover me</div>'),
  v('link with onclick', '<a href="https://ok.example" onclick="alert(1)">x</a>'),
  v('details ontoggle', '<details open ontoggle=alert(1)>'),
  v('input autofocus onfocus', '<input autofocus onfocus=alert(1)>'),
  v('source onerror', '<video><source onerror=alert(1)></video>'),
  v('newline before the equals sign', '<img src="x" onerror\n=alert(1)>'),
  v('entity-encoded handler body', '<img src=x onerror=&#97;&#108;&#101;&#114;&#116;(1)>'),

  // javascript:, data: and vbscript: in Markdown links.
  v('Markdown javascript: link', '[click](javascript:alert(1))'),
  v('mixed-case scheme', '[click](JaVaScRiPt:alert(1))'),
  v('entity-encoded colon', '[click](javascript&#58;alert(1))'),
  v('entity-encoded first letter', '[click](&#106;avascript:alert(1))'),
  v('tab entity inside the scheme', '[click](jav&#x09;ascript:alert(1))'),
  v('newline entity inside the scheme', '[click](java&#10;script:alert(1))'),
  v('leading space before the scheme', '[click]( javascript:alert(1))'),
  v('fully hex-entity-encoded scheme', '[a](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1))'),
  v('zero-padded decimal entities', '[a](&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1))'),
  v('percent-encoded scheme', '[a](%6A%61%76%61%73%63%72%69%70%74:alert(1))'),
  v('data: HTML link', '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'),
  v('vbscript: link', '[click](vbscript:msgbox(1))'),
  v('javascript: with a comment and newline', '[click](javascript://%0aalert(1))'),
  v('angle-bracket link destination', '[click](<javascript:alert(1)>)'),
  v('reference-style link', '[ref]\n\n[ref]: javascript:alert(1)'),
  v('image with javascript:', '![img](javascript:alert(1))'),
  v('image breaking out of src', '![x](https://evil.example/x.png" onerror="alert(1))'),
  v('control character inside the scheme', '[a](java\u0001script:alert(1))'),
  v('zero-width space inside the scheme', '[a](java\u200bscript:alert(1))'),
  v('emphasis around a javascript: link', '*[x](javascript:alert(1))*'),

  // Autolinks and linkify.
  v('javascript: autolink', '<javascript:alert(1)>'),
  v('upper-case javascript: autolink', '<JAVASCRIPT:alert(1)>'),
  v('data: autolink', '<data:text/html,<script>alert(1)</script>>'),
  v('vbscript: autolink', '<vbscript:msgbox(1)>'),
  v('bare javascript: text', 'javascript:alert(1)'),
  v('linkified www with quotes', 'www.evil.example/"onmouseover="alert(1)'),
  v('linkified URL then a script', 'https://evil.example/"><script>alert(1)</script>'),
  v('autolink with quotes and a handler', '<https://evil.example/" onmouseover="alert(1)>'),
  v('mailto autolink carrying markup', '<mailto:x@evil.example?body=<script>alert(1)</script>>'),

  // Raw HTML links and encoded schemes.
  v('raw anchor with javascript:', '<a href="javascript:alert(1)">x</a>'),
  v('raw anchor with a control-character prefix', '<a href="&#14;javascript:alert(1)">x</a>'),
  v('raw anchor with a NUL in the scheme', '<a href="java\u0000script:alert(1)">x</a>'),
  v('backtick-quoted attribute', '<a href=`javascript:alert(1)`>x</a>'),

  // SVG and MathML.
  v('script inside svg', '<svg><script>alert(1)</script></svg>'),
  v('svg link with xlink:href', '<svg><a xlink:href="javascript:alert(1)"><text x="0" y="20">x</text></a></svg>'),
  v('svg animate onbegin', '<svg><animate onbegin=alert(1) attributeName=x dur=1s>'),
  v('math href', '<math href="javascript:alert(1)">click</math>'),
  v('MathML table/mglyph/style confusion', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>'),

  // Style.
  v('style element with a javascript: url', '<style>body{background:url("javascript:alert(1)")}</style>'),
  v('style attribute with url()', '<div style="background-image:url(javascript:alert(1))">x</div>'),
  v('CSS expression()', '<div style="width:expression(alert(1))">x</div>'),
  v('external stylesheet', '<link rel=stylesheet href=//evil.example/x.css>'),

  // Frames, objects, base, meta, forms.
  v('iframe javascript:', '<iframe src="javascript:alert(1)"></iframe>'),
  v('iframe srcdoc', '<iframe srcdoc="<script>alert(1)</script>">'),
  v('object data', '<object data="javascript:alert(1)"></object>'),
  v('embed src', '<embed src="javascript:alert(1)">'),
  v('base href', '<base href="javascript:alert(1)//">'),
  v('meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'),
  v('form action', '<form action="javascript:alert(1)"><button>go</button></form>'),
  v('button formaction', '<button formaction="javascript:alert(1)">x</button>'),

  // Markdown link titles and text with quotes.
  v('title closing its double quote', '[x](https://ok.example "title\\" onmouseover=\\"alert(1)")'),
  v('title closing its single quote', "[x](https://ok.example 'a\\' onclick=\\'alert(1)')"),
  v('parenthesised title with a handler', '[x](https://ok.example (" onmouseover=alert(1) "))'),
  v('quotes in link text', '[x" onmouseover="alert(1)](https://ok.example)'),
  v('markup in link text', '[<img src=x onerror=alert(1)>](https://ok.example)'),
  v('markup in the link destination', '[x](https://ok.example/<script>alert(1)</script>)'),

  // Code spans and fences.
  v('code span closing its code', '`</code><script>alert(1)</script>`'),
  v('fence closing its pre', '```\n</code></pre><script>alert(1)</script>\n```'),
  v('fence info string with a handler', '```html onload=alert(1)\n<b>x</b>\n```'),
  v('double-backtick span with markup', '``<img src=x onerror=alert(1)>``'),
  v('strong around a script', '**<script>**alert(1)**</script>**'),

  // Nested quotes and lists.
  v('nested blockquotes and a list', '> > > <script>alert(1)</script>\n> - [x](javascript:alert(1))'),
  v('ordered list, nested list, quote', '1. a\n   - b\n     > <img src=x onerror=alert(1)>\n'),
  v('list with an iframe', '- [x](https://ok.example)\n  - <iframe src=javascript:alert(1)>'),
  v('huge ordered-list start', '2147483648. big\n2147483649. bigger'),

  // Escaped and look-alike encodings.
  v('JavaScript unicode escapes', '\\u003cscript\\u003ealert(1)\\u003c/script\\u003e'),
  v('fullwidth angle brackets', '＜script＞alert(1)＜/script＞'),
  v('NUL inside the tag name', '<scr\u0000ipt>alert(1)</scr\u0000ipt>'),
  v('percent-encoded tags', '%3Cscript%3Ealert(1)%3C/script%3E'),
  v('entity-encoded tags', '&lt;script&gt;alert(1)&lt;/script&gt;'),
  v('double entity-encoded tags', '&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;'),
  v('RTL override hiding an extension', 'invoice\u202Egpj.exe [x](https://ok.example/\u202Eexe.txt)'),

  // Mutation-XSS shapes: markup that changes meaning when parsed twice.
  v('noscript attribute breakout', '<noscript><p title="</noscript><img src=x onerror=alert(1)>">'),
  v('svg, p and style namespace confusion', '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">'),
  v('mglyph/textarea confusion', '<math><mi><mglyph><svg><mtext><textarea><path id="</textarea><img onerror=alert(1) src=1>">'),
  v('nested form confusion', '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>'),
  v('listing with entities', '<listing>&lt;img src=x onerror=alert(1)&gt;</listing>'),
  v('xmp element', '<xmp><img src=x onerror=alert(1)></xmp>'),
  v('bogus comment', '<!--><img src=x onerror=alert(1)>-->'),
  v('CDATA section', '<![CDATA[><img src=x onerror=alert(1)>]]>'),
  v('processing instruction', '<?xml-stylesheet href="javascript:alert(1)"?>'),
  v('template element', '<template><img src=x onerror=alert(1)></template>'),
  v('unclosed attribute swallowing markup', '<a href="https://ok.example/x title=\'><img src=x onerror=alert(1)>\'>x</a>'),
];
