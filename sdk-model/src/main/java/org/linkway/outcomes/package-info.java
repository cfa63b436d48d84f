/**
 * Outcome measures: the instrument catalogue (one data file per instrument), scoring and
 * checking of assessments with findings in the validator's shape ({@link org.linkway.validation.Finding},
 * rule ids in {@link org.linkway.outcomes.OutcomeRule}), and change between administrations with
 * the direction of "better" per score. Licensed tools are recorded as their reported totals only.
 * See docs/OUTCOMES.md.
 */
package org.linkway.outcomes;
