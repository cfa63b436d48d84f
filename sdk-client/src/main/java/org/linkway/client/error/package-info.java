/**
 * The one exception hierarchy of the Linkway client, rooted at
 * {@link org.linkway.client.error.LinkwayException}: unchecked, each with a stable
 * {@code code()}, the HTTP {@code status()} and the {@code requestId()}. The class follows the
 * answer's status; within a status, the problem type from the catalogue
 * ({@link org.linkway.model.ProblemType}, also {@code problemType()}) picks the more specific
 * class, such as {@link org.linkway.client.error.IllegalTransitionException} for a 409
 * {@code illegal-transition}. docs/API.md lists the class for every problem type.
 */
package org.linkway.client.error;
