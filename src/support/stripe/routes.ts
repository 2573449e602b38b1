// POST /api/v1/support/stripe/webhook: the signature is checked on the raw bytes (this
// plugin's own body parser keeps them), then the event is applied in one transaction.
// 200 for anything applied, ignored or already seen; 400 for a bad signature; 500 (Stripe
// retries) only when applying failed.
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import type { WebhookStore } from '../webhook-store.ts';
import { webhookVerifier } from './client.ts';
import type { StripeEventLike } from './events.ts';
import type { StripeWebhook } from './webhook.ts';

export interface StripeRoutesDeps {
  webhook: StripeWebhook;
  store: WebhookStore;
  secret: string | null;
  toleranceSeconds: number;
}

export async function stripeRoutes(app: FastifyInstance, deps: StripeRoutesDeps): Promise<void> {
  // Encapsulated: only this plugin's routes receive bodies as bytes.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 512 * 1024 }, (_request, body, done) => done(null, body));

  const failure = (reason: string) => deps.store.recordFailure('stripe', reason);

  app.post(
    '/api/v1/support/stripe/webhook',
    { schema: { tags: ['support'], summary: 'Stripe webhook (signed with STRIPE_WEBHOOK_SECRET)' } },
    async (request, reply) => {
      if (!deps.secret) throw new AppError(503, 'stripe_not_configured', 'STRIPE_WEBHOOK_SECRET is not set');
      const raw = request.body;
      const signature = request.headers['stripe-signature'];
      if (!Buffer.isBuffer(raw) || raw.length === 0) throw new AppError(400, 'invalid_body', 'The webhook body is empty');
      if (typeof signature !== 'string' || !signature) {
        await failure('missing Stripe-Signature header');
        throw new AppError(400, 'invalid_signature', 'The Stripe-Signature header is missing', 'Stripe-Signature');
      }
      let event: StripeEventLike;
      try {
        event = webhookVerifier.constructEvent(raw, signature, deps.secret, deps.toleranceSeconds) as unknown as StripeEventLike;
      } catch (error) {
        await failure(`signature: ${(error as Error).message}`);
        throw new AppError(400, 'invalid_signature', 'The Stripe signature does not match this body, or it is too old', 'Stripe-Signature');
      }
      if (typeof event?.id !== 'string' || typeof event.type !== 'string' || !event.data?.object) {
        throw new AppError(400, 'invalid_event', 'The body is not a Stripe event');
      }
      try {
        const outcome = await deps.webhook.handle(event);
        return reply.send({ received: true, outcome });
      } catch (error) {
        request.log.error({ err: error, event: event.id, type: event.type }, 'stripe webhook failed');
        await failure(`${event.type} ${event.id}: ${(error as Error).message}`).catch(() => {});
        throw error;
      }
    },
  );
}
