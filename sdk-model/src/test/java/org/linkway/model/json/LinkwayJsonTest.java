package org.linkway.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linkway.model.PartialDateTime;
import org.linkway.model.PersonDemographics;
import org.linkway.model.PersonName;
import org.linkway.model.RisksRecordEntry;
import tools.jackson.core.JacksonException;

/** One configuration: ISO dates, no nulls, properties in schema order, duplicates refused. */
class LinkwayJsonTest {

    @Test
    void writes_iso_dates_no_nulls_and_schema_order() {
        PersonDemographics person = PersonDemographics.builder()
                .withDateOfBirth(LocalDate.of(1958, 4, 17))
                .withName(PersonName.builder()
                        .withFirstNames(List.of("Ada"))
                        .withFamilyNames(List.of("Thornbury"))
                        .build())
                .build();

        String json = LinkwayJson.mapper().writeValueAsString(person);

        assertThat(json)
                .isEqualTo(
                        "{\"name\":{\"firstNames\":[\"Ada\"],\"familyNames\":[\"Thornbury\"]},\"dateOfBirth\":\"1958-04-17\"}");
    }

    @Test
    void partial_date_times_keep_their_text() {
        RisksRecordEntry risk = LinkwayJson.mapper()
                .readValue(
                        "{\"startDateOfRisk\":\"2026-03-01T09:30:00.000+01:00\",\"endDateOfRisk\":\"2026-04-01\"}",
                        RisksRecordEntry.class);
        assertThat(risk.getStartDateOfRisk()).isEqualTo(PartialDateTime.parse("2026-03-01T09:30:00.000+01:00"));
        assertThat(risk.getEndDateOfRisk().isDateOnly()).isTrue();
        assertThat(LinkwayJson.mapper().writeValueAsString(risk))
                .isEqualTo("{\"startDateOfRisk\":\"2026-03-01T09:30:00.000+01:00\",\"endDateOfRisk\":\"2026-04-01\"}");
    }

    @Test
    void duplicate_members_are_refused_when_binding() {
        assertThatThrownBy(() ->
                        LinkwayJson.mapper().readValue("{\"comment\":\"a\",\"comment\":\"b\"}", RisksRecordEntry.class))
                .isInstanceOf(JacksonException.class);
    }
}
