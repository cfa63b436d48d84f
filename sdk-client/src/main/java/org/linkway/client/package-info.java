/**
 * Typed client for any Linkway-conformant server. Start at
 * {@link org.linkway.client.LinkwayClient}: resources ({@code referrals()},
 * {@code referral(id)}, {@code messageBacks()}, {@code onwardReferrals()}, {@code events()}, {@code subscriptions()})
 * speak sdk-model types, answer {@link org.linkway.client.Versioned} values carrying the ETag,
 * page lazily, retry safely and fail with {@link org.linkway.client.error.LinkwayException}s.
 */
package org.linkway.client;
