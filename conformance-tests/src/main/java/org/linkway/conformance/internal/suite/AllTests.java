package org.linkway.conformance.internal.suite;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.linkway.conformance.internal.TestCase;

/** Every test of the kit in run order; message-format last, so it sees what the others received. */
public final class AllTests {

    private static final List<TestCase> ALL;

    static {
        List<TestCase> all = new ArrayList<>();
        all.addAll(ReceiveTests.tests());
        all.addAll(BadInputTests.tests());
        all.addAll(LifecycleTests.tests());
        all.addAll(RecordTests.tests());
        all.addAll(AnswerCheckTests.tests());
        all.addAll(ClosedReferralTests.tests());
        all.addAll(TextReadBackTests.tests());
        all.addAll(PagingTests.tests());
        all.addAll(RecordDepthTests.tests());
        all.addAll(JourneyTests.tests());
        all.addAll(FuzzTests.tests());
        all.addAll(ProviderTests.tests());
        all.addAll(ProviderInboxTests.tests());
        all.addAll(OnwardVersionTests.tests());
        all.addAll(FeedbackTests.tests());
        all.addAll(GpPracticeTests.tests());
        all.addAll(MessageBackContentTests.tests());
        all.addAll(ConsentWithholdingTests.tests());
        all.addAll(EventsTests.tests());
        all.addAll(FeedCompletenessTests.tests());
        all.addAll(WebhookTests.tests());
        all.addAll(FhirTests.tests());
        all.addAll(FhirProfileTests.tests());
        all.addAll(SecurityTests.tests());
        all.addAll(DirectoryTests.tests());
        all.addAll(CaseloadTests.tests());
        all.addAll(TimeRuleTests.tests());
        all.addAll(AppointmentTests.tests());
        all.addAll(MessageFormatTests.tests());
        ALL = Collections.unmodifiableList(all);
    }

    private AllTests() {}

    public static List<TestCase> list() {
        return ALL;
    }
}
