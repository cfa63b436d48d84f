/**
 * Receiving Linkway webhooks: {@link org.linkway.client.webhook.WebhookVerifier} checks a
 * delivery's Standard Webhooks signature and reads it as an {@link org.linkway.client.Event}.
 */
package org.linkway.client.webhook;
