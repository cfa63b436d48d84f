/**
 * The one exception hierarchy of the Linkway client, rooted at
 * {@link org.linkway.client.error.LinkwayException}: unchecked, each with a stable
 * {@code code()}, the HTTP {@code status()} and the {@code requestId()}.
 */
package org.linkway.client.error;
