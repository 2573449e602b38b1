// Which PaymentIntent paid which invoice. On Stripe API versions from 2025-03-31 on, an
// Invoice no longer names its payment_intent or charge, a Charge no longer names its invoice,
// and the invoice's `payments` list is not part of webhook payloads (it must be included on
// request). The InvoicePayment list answers both directions, so a renewal and its refund
// still meet in the ledger.
import type Stripe from 'stripe';

export interface InvoicePayments {
  /** PaymentIntents that paid the invoice. */
  paymentIntentsOf(invoiceId: string): Promise<string[]>;
  /** Invoices the PaymentIntent paid (none for a one-off Checkout payment). */
  invoicesOf(paymentIntentId: string): Promise<string[]>;
}

const idOf = (v: string | { id: string } | null | undefined): string | null => (typeof v === 'string' ? v : (v?.id ?? null));

export function stripeInvoicePayments(stripe: Stripe): InvoicePayments {
  // One page is enough: an invoice is paid by a handful of payments at most, and a
  // PaymentIntent pays one invoice.
  const list = async (params: Stripe.InvoicePaymentListParams) => (await stripe.invoicePayments.list({ ...params, limit: 10 })).data;
  return {
    async paymentIntentsOf(invoiceId) {
      const payments = await list({ invoice: invoiceId, status: 'paid' });
      return payments.map((p) => idOf(p.payment.payment_intent)).filter((id): id is string => !!id);
    },
    async invoicesOf(paymentIntentId) {
      const payments = await list({ payment: { type: 'payment_intent', payment_intent: paymentIntentId } });
      return payments.map((p) => idOf(p.invoice as string | { id: string })).filter((id): id is string => !!id);
    },
  };
}
