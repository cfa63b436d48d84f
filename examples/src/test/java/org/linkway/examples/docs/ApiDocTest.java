package org.linkway.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/API.md is the contract rendered; it fails when the two drift. Rewrite it with -Dlinkway.regenerate=true. */
class ApiDocTest {

    static final Path ROOT = Path.of("..");
    static final Path API_MD = ROOT.resolve("docs/API.md");

    @Test
    void api_md_is_rendered_from_the_current_openapi_yaml() throws IOException {
        String rendered = ApiDoc.render(Files.readString(ROOT.resolve("schemas/openapi.yaml")));
        if (Boolean.getBoolean("linkway.regenerate")) {
            Files.writeString(API_MD, rendered);
        }
        assertThat(API_MD)
                .as("docs/API.md is stale: rerun with -Dlinkway.regenerate=true")
                .exists();
        assertThat(Files.readString(API_MD))
                .as("docs/API.md is stale: rerun with -Dlinkway.regenerate=true")
                .isEqualTo(rendered);
    }

    @Test
    void every_operation_of_the_contract_has_a_row() throws IOException {
        String yaml = Files.readString(ROOT.resolve("schemas/openapi.yaml"));
        String rendered = ApiDoc.render(yaml);
        long operations =
                yaml.lines().filter(l -> l.strip().startsWith("operationId:")).count();
        assertThat(rendered.lines().filter(l -> l.matches("\\| `(GET|POST|PUT|PATCH|DELETE|\\(your URL).*")))
                .hasSize((int) operations);
        assertThat(rendered).contains("| `POST /v1/referrals` | Receive a referral | `createReferral` | implemented |");
    }

    @Test
    void a_pipe_in_a_summary_stays_inside_its_cell() {
        String yaml = """
                openapi: 3.1.0
                info: {title: t, version: '1'}
                tags: [{name: a, description: A things}]
                paths:
                  /x:
                    get: {operationId: getX, tags: [a], summary: 'this | that', x-linkway-status: planned, responses: {'200': {description: ok}}}
                """;
        assertThat(ApiDoc.render(yaml))
                .contains("| `GET /x` | this \\| that | `getX` | planned | 200 |")
                .contains("## a\n\nA things");
    }
}
