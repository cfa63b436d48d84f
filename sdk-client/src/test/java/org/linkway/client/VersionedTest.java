package org.linkway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Versioned}: the constructor code built against 1.x uses still works, and the possible duplicates are kept as given. */
@Timeout(10)
class VersionedTest {

    @Test
    void the_old_constructor_reports_no_possible_duplicates() {
        Versioned<String> v = new Versioned<>("x", "\"3\"", "req-1", true);
        assertThat(v.possibleDuplicates()).isEmpty();
        assertThat(v.version()).isEqualTo(3);
        assertThat(v.replayed()).isTrue();
        assertThat(v).isEqualTo(new Versioned<>("x", "\"3\"", "req-1", true, List.of()));
        assertThat(new Versioned<>("x", null, null, false, null).possibleDuplicates())
                .isEmpty();
    }

    @Test
    void the_possible_duplicates_are_a_copy_that_cannot_be_changed() {
        List<String> given = new ArrayList<>(List.of("a", "b"));
        Versioned<String> v = new Versioned<>("x", "\"1\"", "req-2", false, given);
        given.add("c");
        assertThat(v.possibleDuplicates()).containsExactly("a", "b");
        assertThatThrownBy(() -> v.possibleDuplicates().add("d")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(v).isNotEqualTo(new Versioned<>("x", "\"1\"", "req-2", false));
    }

    @Test
    void the_header_is_read_as_ids_in_order_without_blanks() {
        assertThat(Calls.duplicates(null)).isEmpty();
        assertThat(Calls.duplicates(" ")).isEmpty();
        assertThat(Calls.duplicates("r-1, r-2,r-3 ,")).containsExactly("r-1", "r-2", "r-3");
    }

    @Test
    void a_value_is_required_and_the_version_is_read_from_the_etag() {
        assertThatThrownBy(() -> new Versioned<>(null, "\"1\"", "r", false)).isInstanceOf(NullPointerException.class);
        assertThat(new Versioned<>("x", "W/\"12\"", "r", false).version()).isEqualTo(12);
        assertThat(new Versioned<>("x", "\"abc\"", "r", false).version()).isEqualTo(-1);
        assertThat(new Versioned<>("x", null, "r", false).version()).isEqualTo(-1);
    }
}
