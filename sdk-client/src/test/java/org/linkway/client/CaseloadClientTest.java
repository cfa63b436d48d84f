package org.linkway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.client.error.ForbiddenException;
import org.linkway.client.error.InvalidArgumentException;
import org.linkway.client.error.StaleVersionException;
import org.linkway.client.error.ValidationException;
import org.linkway.model.ContactRecord;
import org.linkway.model.Referral;
import org.linkway.model.json.LinkwayJson;
import org.linkway.server.security.Role;
import tools.jackson.databind.node.ObjectNode;

/**
 * A link worker's day through the client against the real reference server, each party with its
 * own token: a practice sends referrals, the service assigns and reassigns them, each link worker
 * pages through their own caseload, the lead reads the counts, possible duplicates and earlier
 * episodes are reported, the service's time rules are read and replaced, and what is overdue is
 * listed once the server's clock has moved on.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class CaseloadClientTest {

    static final String SERVICE = "8EC41";
    static final String PRACTICE = "Y03146";
    /** A Monday morning; the referrals of the overdue test are made an hour before. */
    static final MovableClock CLOCK = new MovableClock(Instant.parse("2026-11-02T09:00:00Z"));

    @RegisterExtension
    static final TestServer server = clocked();

    private static TestServer clocked() {
        TestServer s = TestServer.sqlite();
        s.clock(CLOCK);
        return s;
    }

    static LinkwayClient as(Role role, String organisation, String subject, boolean lead) {
        String token = server.token(role, organisation, subject, lead);
        return LinkwayClient.builder()
                .baseUrl(server.url())
                .tokenProvider(() -> token)
                .requestTimeout(Duration.ofSeconds(20))
                .build();
    }

    static LinkwayClient worker(String subject) {
        return as(Role.LINK_WORKER, SERVICE, subject, false);
    }

    static LinkwayClient practice() {
        return as(Role.REFERRER, PRACTICE, "reception@" + PRACTICE, false);
    }

    static String send(LinkwayClient sender) {
        return sender.referrals()
                .create(Fixtures.personReferral(Fixtures.newNhsNumber(), PRACTICE, SERVICE))
                .value()
                .getId();
    }

    static List<String> ids(Iterable<Referral> referrals) {
        List<String> out = new ArrayList<>();
        referrals.forEach(r -> out.add(r.getId()));
        return out;
    }

    @Test
    void each_link_worker_pages_through_their_own_caseload_and_a_reassignment_moves_the_referral() {
        LinkwayClient ana = worker("ana@eastmere");
        LinkwayClient ben = worker("ben@eastmere");
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = send(practice());
            Versioned<Assignment> assigned = ana.caseload().assign(id, "ana@eastmere");
            assertThat(assigned.value().linkWorker()).isEqualTo("ana@eastmere");
            assertThat(assigned.value().assignedBy()).isEqualTo("ana@eastmere");
            assertThat(assigned.value().reassignedFrom()).isEmpty();
            assertThat(assigned.version()).isEqualTo(1);
            sent.add(id);
            CLOCK.advance(Duration.ofSeconds(1)); // the server's clock stands still otherwise: order by assignment
        }

        PagedIterable<Referral> caseload = ana.caseload().mine(2);
        List<Page<Referral>> pages = new ArrayList<>();
        caseload.pages().forEach(pages::add);
        assertThat(pages).hasSize(3);
        assertThat(ids(caseload)).containsExactlyElementsOf(sent); // oldest assignment first
        assertThat(ids(ben.caseload().mine())).doesNotContainAnyElementsOf(sent);

        String moved = sent.get(1);
        Versioned<Assignment> current = ana.referral(moved).assignment().get();
        assertThatThrownBy(() -> ana.caseload().reassign(current, "ben@eastmere", null))
                .isInstanceOf(ValidationException.class)
                .extracting(e -> ((ValidationException) e).code())
                .isEqualTo("reason-required");
        Versioned<Assignment> reassigned = ana.caseload().reassign(current, "ben@eastmere", "Ana is on leave");
        assertThat(reassigned.value().previousLinkWorker()).isEqualTo("ana@eastmere");
        assertThat(reassigned.value().reason()).isEqualTo("Ana is on leave");
        assertThat(reassigned.version()).isEqualTo(2);
        // a second change from the version already replaced is refused, not applied over it
        assertThatThrownBy(() -> ana.caseload().reassign(current, "cy@eastmere", "again"))
                .isInstanceOf(StaleVersionException.class);

        assertThat(ids(ana.caseload().mine(2))).hasSize(4).doesNotContain(moved);
        assertThat(ids(ben.caseload().mine())).containsExactly(moved);
        assertThat(ana.referral(moved).events())
                .extracting(Event::type)
                .contains("referral.assigned", "referral.reassigned");

        CaseloadSummary summary =
                as(Role.LINK_WORKER, SERVICE, "lou@eastmere", true).caseload().summary();
        assertThat(summary.organisation()).isEqualTo(SERVICE);
        assertThat(summary.openReferralsOf("ana@eastmere")).isEqualTo(4);
        assertThat(summary.openReferralsOf("ben@eastmere")).isEqualTo(1);
        assertThat(summary.openReferralsOf("nobody@eastmere")).isZero();
        assertThatThrownBy(() -> ana.caseload().summary()).isInstanceOf(ForbiddenException.class);
        // the practice that sent them may not hand them out
        assertThatThrownBy(() -> practice().caseload().assign(sent.get(0), "ben@eastmere"))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void a_second_referral_reports_the_first_and_a_new_one_after_a_closed_one_is_linked_to_it() {
        String nhs = Fixtures.newNhsNumber();
        LinkwayClient practice = practice();
        LinkwayClient service = worker("dee@eastmere");
        Versioned<Referral> first = practice.referrals().create(Fixtures.personReferral(nhs, PRACTICE, SERVICE));
        assertThat(first.possibleDuplicates()).isEmpty();
        CLOCK.advance(Duration.ofSeconds(1)); // the server's clock stands still otherwise: order by receipt
        Versioned<Referral> second = practice.referrals().create(Fixtures.personReferral(nhs, PRACTICE, SERVICE));
        String firstId = first.value().getId();
        assertThat(second.possibleDuplicates()).containsExactly(firstId);
        CLOCK.advance(Duration.ofSeconds(1));

        service.referrals()
                .transition(TransitionRequest.builder()
                        .after(service.referrals().get(firstId))
                        .to(Referral.Status.REJECTED)
                        .reason("Moved out of the area")
                        .build());
        Versioned<Referral> third = practice.referrals().create(Fixtures.personReferral(nhs, PRACTICE, SERVICE));
        String thirdId = third.value().getId();
        assertThat(third.possibleDuplicates()).containsExactly(second.value().getId());

        List<Episode> episodes = service.referral(thirdId).episodes();
        assertThat(episodes)
                .extracting(Episode::id)
                .containsExactly(firstId, second.value().getId());
        assertThat(episodes.get(0).open()).isFalse();
        assertThat(episodes.get(0).status()).isEqualTo(Referral.Status.REJECTED);
        assertThat(episodes.get(1).open()).isTrue();
        Event linked = service.referral(thirdId).events().stream()
                .filter(e -> e.type().equals("referral.episode-linked"))
                .findFirst()
                .orElseThrow();
        assertThat(linked.data().path("earlierEpisodes").toString()).contains(firstId);
        assertThat(practice.referral(thirdId).events())
                .extracting(Event::type)
                .doesNotContain("referral.episode-linked", "referral.possible-duplicate");

        assertThat(ids(service.referrals()
                        .list(ReferralQuery.builder().nhsNumber(nhs).build())))
                .containsExactly(firstId, second.value().getId(), thirdId);
        assertThat(ids(practice.referrals()
                        .list(ReferralQuery.builder()
                                .nhsNumber(nhs.substring(0, 3) + " " + nhs.substring(3, 6) + " " + nhs.substring(6))
                                .status(Referral.Status.REJECTED)
                                .build())))
                .containsExactly(firstId);
        assertThatThrownBy(() ->
                        ReferralQuery.builder().nhsNumber(nhs).overdue(true).build())
                .isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void the_service_replaces_its_time_rules_and_lists_what_falls_overdue() {
        LinkwayClient service = worker("eve@eastmere");
        Versioned<TimeRules> defaults = service.timeRules().get();
        assertThat(defaults.value().version()).isZero();
        assertThat(defaults.value().organisation()).isEqualTo(SERVICE);
        assertThat(defaults.value().firstContact()).isEqualTo(TimeRule.workingDays(3));
        assertThat(defaults.value().followUp()).isEqualTo(TimeRule.days(28));

        TimeRules invalid =
                defaults.value().toBuilder().firstContact(TimeRule.days(0)).build();
        assertThatThrownBy(() -> service.timeRules().update(defaults, invalid)).isInstanceOf(ValidationException.class);
        TimeRules quicker = defaults.value().toBuilder()
                .firstContact(TimeRule.workingDays(2))
                .build();
        Versioned<TimeRules> changed = service.timeRules().update(defaults, quicker);
        assertThat(changed.value().version()).isEqualTo(1);
        assertThat(changed.value().firstContact()).isEqualTo(TimeRule.workingDays(2));
        assertThat(service.timeRules().get().value()).isEqualTo(changed.value());
        assertThatThrownBy(() -> service.timeRules().update(defaults, quicker))
                .isInstanceOf(StaleVersionException.class);

        Instant made = CLOCK.instant().minus(Duration.ofHours(1));
        String quiet = practice()
                .referrals()
                .create(Fixtures.personReferral(Fixtures.newNhsNumber(), PRACTICE, SERVICE, made))
                .value()
                .getId();
        String contacted = practice()
                .referrals()
                .create(Fixtures.personReferral(Fixtures.newNhsNumber(), PRACTICE, SERVICE, made))
                .value()
                .getId();
        ObjectNode call = Fixtures.example("contact-record--first-call.json");
        ((ObjectNode) call.get("contact"))
                .put("dateAndTimeOfContact", made.plus(Duration.ofMinutes(30)).toString());
        service.referral(contacted).contacts().create(LinkwayJson.mapper().treeToValue(call, ContactRecord.class));
        ReferralQuery overdue = ReferralQuery.builder().overdue(true).build();
        assertThat(ids(service.referrals().list(overdue))).doesNotContain(quiet, contacted);

        CLOCK.advance(Duration.ofDays(14)); // past first contact, not yet the follow-up after the contact
        LinkwayClient later = worker("eve@eastmere"); // a token of the new day: the first has expired
        assertThat(ids(later.referrals().list(overdue))).contains(quiet).doesNotContain(contacted);
    }
}
