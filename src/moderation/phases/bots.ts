// The bots phase: the widget's honeypot field (hidden from people; any value means a form
// filler) and, for guests, a solved ALTCHA proof-of-work challenge. Both end as spam by
// default, so the service answers as usual and the bot learns nothing.
import type { AltchaFailure, AltchaVerifier } from '../altcha.ts';
import type { Phase, PhaseResult, Reason } from '../phase.ts';
import { isGuest } from './identity.ts';

export interface BotsPhaseDeps {
  /** Absent: ALTCHA is not checked (only the honeypot). */
  altcha?: AltchaVerifier;
}

const FAILURES: Record<AltchaFailure, string> = {
  missing: 'no ALTCHA solution was sent',
  malformed: 'the ALTCHA payload is not one',
  expired: 'the ALTCHA challenge expired',
  invalid: 'the ALTCHA solution is wrong or its challenge was not signed here',
  replayed: 'the ALTCHA solution was already used',
  'wrong-site': 'the ALTCHA challenge was issued for another site',
};

export function createBotsPhase({ altcha }: BotsPhaseDeps = {}): Phase {
  return {
    name: 'bots',
    // Not async: a comment with nothing to verify gets its answer without a promise.
    run(input, ctx) {
      const settings = ctx.settings.bots;
      // Only requests carry bot fields; text-only callers (dry run, CLI) skip the phase.
      if (!input.bot) return { reasons: [] };
      const honeypot = input.bot.honeypot;
      if (settings.honeypot && typeof honeypot === 'string' && honeypot !== '') {
        return {
          reasons: [{ phase: 'bots', rule: 'bots.honeypot', category: 'spam', detail: `the hidden field was filled in (${honeypot.length} characters)` }],
          decision: 'spam',
        };
      }
      // Guests prove work once per comment; an edit is authorised by its edit token instead.
      if (!settings.altcha || !altcha || !isGuest(input.author) || input.commentId !== undefined) return { reasons: [] };
      return altcha.verify(input.bot.altcha, ctx.siteId, { consume: !ctx.dryRun }).then((verdict): PhaseResult => {
        if (verdict.ok) return { reasons: [] };
        const reason: Reason = { phase: 'bots', rule: 'bots.altcha', category: 'spam', detail: `${FAILURES[verdict.failure]} (${verdict.failure})` };
        return { reasons: [reason], decision: settings.altchaFailure };
      });
    },
  };
}
