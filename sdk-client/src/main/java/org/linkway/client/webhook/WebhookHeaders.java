package org.linkway.client.webhook;

import java.util.Collection;
import java.util.Map;
import org.linkway.client.error.WebhookVerificationException;

/**
 * The three Standard Webhooks headers of one delivery, named so they cannot be passed in the
 * wrong order. Read them from a request's header map with {@link #from}, or give them one by one
 * when your framework hands them out separately:
 *
 * <pre>{@code
 * WebhookHeaders h = WebhookHeaders.webhookId(request.header("webhook-id"))
 *         .timestamp(request.header("webhook-timestamp"))
 *         .signature(request.header("webhook-signature"));
 * Event event = verifier.verify(h, rawBody);
 * }</pre>
 *
 * @param id        {@code webhook-id}: the event's id
 * @param timestamp {@code webhook-timestamp}: unix seconds
 * @param signature {@code webhook-signature}: one or more {@code v1,<base64>} entries
 */
public record WebhookHeaders(String id, String timestamp, String signature) {

    /** Headers with this {@code webhook-id}; add the other two with {@link #timestamp} and {@link #signature}. */
    public static WebhookHeaders webhookId(String id) {
        return new WebhookHeaders(id, null, null);
    }

    public WebhookHeaders timestamp(String timestamp) {
        return new WebhookHeaders(id, timestamp, signature);
    }

    public WebhookHeaders signature(String signature) {
        return new WebhookHeaders(id, timestamp, signature);
    }

    /**
     * The three headers from a request's headers (any letter case; a map such as
     * {@code com.sun.net.httpserver.Headers} or {@code HttpHeaders.map()}); a missing one is null.
     *
     * @throws WebhookVerificationException {@code webhook-missing-header} without headers,
     *         {@code webhook-malformed-header} when one was sent twice
     */
    public static WebhookHeaders from(Map<String, ? extends Collection<String>> headers) {
        if (headers == null) {
            throw new WebhookVerificationException("webhook-missing-header", "no headers given");
        }
        return new WebhookHeaders(
                header(headers, "webhook-id"),
                header(headers, "webhook-timestamp"),
                header(headers, "webhook-signature"));
    }

    static String header(Map<String, ? extends Collection<String>> headers, String name) {
        for (Map.Entry<String, ? extends Collection<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
                Collection<String> values = e.getValue();
                if (values != null && values.size() > 1) {
                    throw new WebhookVerificationException(
                            "webhook-malformed-header", name + " was sent more than once");
                }
                return values == null || values.isEmpty()
                        ? null
                        : values.iterator().next();
            }
        }
        return null;
    }
}
