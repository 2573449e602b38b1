import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { renderMarkdown } from './render.ts';

const LINK_ATTRS = 'rel="nofollow ugc noopener noreferrer" target="_blank"';

describe('renderMarkdown', () => {
  it('renders the supported Markdown subset', () => {
    assert.equal(renderMarkdown('**bold** _em_ `code`'), '<p><strong>bold</strong> <em>em</em> <code>code</code></p>');
    assert.equal(renderMarkdown('line1\nline2'), '<p>line1<br />\nline2</p>');
    assert.equal(renderMarkdown('one\n\ntwo'), '<p>one</p>\n<p>two</p>');
    assert.equal(renderMarkdown('> quoted'), '<blockquote>\n<p>quoted</p>\n</blockquote>');
    assert.equal(renderMarkdown('- a\n- b'), '<ul>\n<li>a</li>\n<li>b</li>\n</ul>');
    assert.equal(renderMarkdown('3. three'), '<ol start="3">\n<li>three</li>\n</ol>');
    assert.equal(renderMarkdown('```\nx <b>\n```'), '<pre><code>x &lt;b&gt;\n</code></pre>');
  });

  it('leaves headings, tables, images and strikethrough as text', () => {
    assert.equal(renderMarkdown('# Big'), '<p># Big</p>');
    assert.equal(renderMarkdown('~~gone~~'), '<p>~~gone~~</p>');
    assert.doesNotMatch(renderMarkdown('![alt](https://img.example/x.png)'), /<img/);
  });

  it('makes links safe: http(s) and mailto only, nofollow, new tab', () => {
    assert.equal(renderMarkdown('[site](https://ok.example)'), `<p><a href="https://ok.example" ${LINK_ATTRS}>site</a></p>`);
    assert.equal(renderMarkdown('see https://ok.example/a?b=1'), `<p>see <a href="https://ok.example/a?b=1" ${LINK_ATTRS}>https://ok.example/a?b=1</a></p>`);
    assert.match(renderMarkdown('<mailto:a@b.example>'), /href="mailto:a@b.example"/);
    for (const url of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,x', 'vbscript:x', '//evil.example']) {
      const out = renderMarkdown(`[x](${url})`);
      assert.doesNotMatch(out, /<a /, url);
    }
  });

  it('shows raw HTML as text rather than interpreting it', () => {
    assert.equal(renderMarkdown('<script>alert(1)</script>'), '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    assert.equal(renderMarkdown('<img src=x onerror=alert(1)>'), '<p>&lt;img src=x onerror=alert(1)&gt;</p>');
    assert.equal(renderMarkdown('<a href="javascript:alert(1)">x</a>'), '<p>&lt;a href="javascript:alert(1)"&gt;x&lt;/a&gt;</p>');
    assert.equal(renderMarkdown('x<!-- hidden -->y'), '<p>x&lt;!-- hidden --&gt;y</p>');
  });

  it('never lets an attribute other than the allowed ones through', () => {
    const out = renderMarkdown('[x](https://ok.example "title\\" onmouseover=\\"alert(1)")');
    assert.doesNotMatch(out, /onmouseover=|title=/);
  });

  it('keeps entities and unicode, and renders blank input as nothing', () => {
    assert.equal(renderMarkdown('&lt;b&gt; &amp; &copy; café'), '<p>&lt;b&gt; &amp; © café</p>');
    assert.equal(renderMarkdown('   '), '');
  });
});
