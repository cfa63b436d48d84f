/**
 * Transport, retries and JSON handling behind the public client. Not API: anything here may
 * change without notice; use the types in {@code org.linkway.client}.
 */
package org.linkway.client.internal;
