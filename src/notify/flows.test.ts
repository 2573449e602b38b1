// Notifications around moderation and time: nothing for held, rejected or shadow-banned
// comments; an approval later tells the author and the parent's author; digests batch a day.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startHarness, type Harness } from '../../test/helpers/notify-harness.ts';
import { startSmtpSink, type SmtpSink } from '../../test/helpers/smtp.ts';

const SITE = 'The Riverside Courier';

describe('notifications and moderation', () => {
  let sink: SmtpSink;
  let h: Harness;
  before(async () => {
    sink = await startSmtpSink();
    h = await startHarness(sink);
  });
  after(async () => {
    await h?.close();
    await sink?.close();
  });

  test('held comments notify nobody; approving one tells its author and the author replied to, once', async () => {
    const page = 'held';
    await h.subscribe('alice@held.example', page, 'replies');
    await h.subscribe('thread@held.example', page, 'thread');
    await h.subscribe('bob@held.example', page, 'replies');
    const first = await h.post({ page, name: 'Alice', email: 'alice@held.example' });
    await h.drained();
    const before = sink.messages.length;
    assert.deepEqual(sink.to('thread@held.example').map((m) => m.subject), [`New comment on “${page}” at ${SITE}`]);

    h.verdict = { status: 'pending' };
    const held = await h.post({ page, name: 'Bob', email: 'bob@held.example', parentId: first.comment.id });
    const rejected = await h.post({ page, name: 'Mallory', email: 'mallory@held.example', parentId: first.comment.id });
    h.verdict = { status: 'approved', shadow: true };
    await h.post({ page, name: 'Shade', email: 'shade@held.example', parentId: first.comment.id });
    h.verdict = { status: 'approved' };
    await h.drained();
    assert.equal(sink.messages.length, before, 'no e-mail for pending or shadow-banned comments');

    await h.moderation.setStatus(rejected.comment.id, 'rejected', false);
    await h.moderation.setStatus(held.comment.id, 'approved', false);
    await h.drained();
    assert.deepEqual(sink.to('alice@held.example').map((m) => m.subject), [`Bob replied to your comment on ${SITE}`]);
    assert.deepEqual(sink.to('bob@held.example').map((m) => m.subject), [`Your comment on ${SITE} is published`]);
    assert.equal(sink.to('thread@held.example').length, 2);
    assert.equal(sink.to('mallory@held.example').length, 0);

    // Hidden and shown again (reports, then a moderator): nobody hears of it twice.
    await h.moderation.setStatus(held.comment.id, 'pending', false);
    await h.moderation.setStatus(held.comment.id, 'approved', false);
    await h.drained();
    assert.equal(sink.to('alice@held.example').length, 1);
    assert.equal(sink.to('bob@held.example').length, 1);
  });

  test('a guest who never confirmed is not told of the approval', async () => {
    h.verdict = { status: 'pending' };
    const held = await h.post({ page: 'unconfirmed', name: 'Guest', email: 'guest@unconfirmed.example' });
    h.verdict = { status: 'approved' };
    await h.moderation.setStatus(held.comment.id, 'approved', false);
    await h.drained();
    assert.equal(sink.to('guest@unconfirmed.example').length, 0);
  });

  test('the whole conversation hears of a reply when its authors chose so', async () => {
    const page = 'chain';
    await h.subscribe('root@chain.example', page, 'replies', 'immediate', true);
    await h.subscribe('middle@chain.example', page, 'replies', 'immediate', false);
    const root = await h.post({ page, name: 'Root', email: 'root@chain.example' });
    const middle = await h.post({ page, name: 'Middle', email: 'middle@chain.example', parentId: root.comment.id });
    await h.drained();
    await h.post({ page, name: 'Leaf', email: 'leaf@chain.example', parentId: middle.comment.id });
    await h.drained();
    assert.deepEqual(sink.to('middle@chain.example').map((m) => m.subject), [`Leaf replied to your comment on ${SITE}`]);
    assert.deepEqual(sink.to('root@chain.example').map((m) => m.subject), [
      `Middle replied to your comment on ${SITE}`,
      `New reply in your conversation on ${SITE}`,
    ]);
  });

  test('digest mode: one e-mail per recipient per day, after the day is over', async () => {
    const page = 'digest';
    await h.subscribe('carol@digest.example', page, 'thread', 'digest');
    await h.subscribe('dan@digest.example', page, 'thread', 'immediate');
    await h.post({ page, name: 'Erin', body: 'Morning news' });
    await h.post({ page, name: 'Carol', email: 'carol@digest.example', body: 'My own comment' });
    await h.post({ page, name: 'Fred', body: 'Evening news' });
    await h.drained();
    assert.equal(sink.to('dan@digest.example').length, 3, 'immediate: one e-mail a comment');
    assert.equal(await h.notify.digest.run(), 0, 'the day is not over');
    await h.drained();
    assert.equal(sink.to('carol@digest.example').length, 0);

    h.advance(1);
    assert.equal(await h.notify.digest.run(), 1);
    assert.equal(await h.notify.digest.run(), 0, 'sent once');
    await h.drained();
    const [digest, ...more] = sink.to('carol@digest.example');
    assert.equal(more.length, 0);
    assert.equal(digest.subject, `2 new comments on ${SITE}`);
    assert.match(digest.text, /Erin on “digest”:\n> Morning news/);
    assert.match(digest.text, /Fred on “digest”:\n> Evening news/);
    assert.doesNotMatch(digest.text, /My own comment/);
    assert.equal(digest.header('List-Unsubscribe-Post'), 'List-Unsubscribe=One-Click');

    await h.post({ page, name: 'Gail', body: 'Next day' });
    await h.drained();
    h.advance(1);
    await h.notify.digest.run();
    await h.drained();
    assert.deepEqual(sink.to('carol@digest.example').map((m) => m.subject), [`2 new comments on ${SITE}`, `1 new comment on ${SITE}`]);
  });
});
