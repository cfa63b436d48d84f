package org.linkway.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linkway.server.security.Role;
import org.linkway.server.testing.LinkwayTestServer;
import tools.jackson.databind.JsonNode;

/**
 * Hostile and mistaken files sent to {@code POST /v1/imports}: each refused with a problem that
 * names the limit or what the file is, before it costs the server its memory, and nothing stored.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SpreadsheetLimitsTest {

    @RegisterExtension
    static final LinkwayTestServer server = LinkwayTestServer.sqlite();

    private static SheetClient linkWorker() {
        return new SheetClient(server.port(), server.token(Role.LINK_WORKER, "8EC41"));
    }

    private static void assertLimit(SheetClient.Answer a, int status, String limit, long maxAllowed) {
        assertThat(a.status()).as(a.text()).isEqualTo(status);
        JsonNode p = a.json();
        assertThat(p.path("importLimit").asString()).isEqualTo(limit);
        assertThat(p.path("maxAllowed").asLong()).isEqualTo(maxAllowed);
        assertThat(p.path("detail").asString()).contains(limit);
    }

    @Test
    void a_body_declared_over_64_mib_is_refused_before_it_is_read() throws IOException {
        long size = 64L * 1024 * 1024 + 1;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(20_000);
            String head = "POST /v1/imports HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/csv\r\n"
                    + "Authorization: Bearer " + server.token(Role.LINK_WORKER, "8EC41") + "\r\n"
                    + "Content-Length: " + size + "\r\nConnection: close\r\n\r\nReferral ID\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 413");
            assertThat(response).contains("\"importLimit\":\"maxBytes\"", "\"maxAllowed\":67108864");
        }
    }

    @Test
    void a_body_over_the_servers_usual_2_mib_but_within_the_import_limit_is_read() {
        // 3 MiB of rows, past the 2 MiB other routes take: read whole, then refused for its rows, not its size
        StringBuilder csv = new StringBuilder(String.join(",", SchemeSheets.HEADINGS)).append("\r\n");
        String filler = ",x".repeat(19);
        while (csv.length() < 3 * 1024 * 1024) {
            csv.append(filler).append(",").append("y".repeat(60)).append("\r\n");
        }
        SheetClient.Answer a = linkWorker().post("/v1/imports?dryRun=true", "text/csv", bytes(csv.toString()));
        assertThat(a.status()).as(a.text()).isEqualTo(422);
        assertThat(a.json().path("importLimit").asString()).isEqualTo("maxRows");
    }

    @Test
    void a_zip_bomb_is_stopped_while_it_unpacks() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 200; i++) {
                zip.write(zeros); // 200 MiB that pack to a few hundred KiB
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bomb = out.toByteArray();
        assertThat(bomb.length).isLessThan(1024 * 1024);
        assertLimit(linkWorker().post("/v1/imports", SheetClient.XLSX, bomb), 422, "maxInflateRatio", 100);
    }

    @Test
    void more_than_20000_rows_are_refused_as_csv_and_as_xlsx() {
        StringBuilder csv = new StringBuilder("Referral ID,First Name\r\n");
        for (int i = 0; i <= 20_000; i++) {
            csv.append("R-").append(i).append(",Ada\r\n");
        }
        assertLimit(linkWorker().post("/v1/imports", "text/csv", bytes(csv.toString())), 422, "maxRows", 20_000);

        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i <= 20_000; i++) {
            rows.add(List.of("R-" + i));
        }
        byte[] xlsx = SchemeSheets.xlsx(List.of("Referral ID"), rows);
        assertLimit(linkWorker().post("/v1/imports", SheetClient.XLSX, xlsx), 422, "maxRows", 20_000);
    }

    @Test
    void more_than_200_columns_are_refused_as_csv_and_as_xlsx() {
        List<String> headings = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            headings.add("Column " + i);
        }
        List<List<Object>> rows = List.of(new ArrayList<>(Collections.nCopies(201, "x")));
        assertLimit(
                linkWorker().post("/v1/imports", "text/csv", SchemeSheets.csv(headings, rows)), 422, "maxColumns", 200);
        assertLimit(
                linkWorker().post("/v1/imports", SheetClient.XLSX, SchemeSheets.xlsx(headings, rows)),
                422,
                "maxColumns",
                200);
    }

    @Test
    void a_file_that_is_no_spreadsheet_is_refused_by_what_it_is() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        SheetClient.Answer asCsv = linkWorker().post("/v1/imports", "text/csv", png);
        assertThat(asCsv.status()).as(asCsv.text()).isEqualTo(422);
        assertThat(asCsv.json().path("type").asString()).isEqualTo("urn:linkway:problem:invalid-import");
        assertThat(asCsv.json().path("detail").asString()).contains("neither CSV text nor an XLSX workbook");

        SheetClient.Answer pdf = linkWorker().post("/v1/imports", "application/pdf", bytes("%PDF-1.7"));
        assertThat(pdf.status()).as(pdf.text()).isEqualTo(415);

        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        SheetClient.Answer old = linkWorker().post("/v1/imports", SheetClient.XLSX, xls);
        assertThat(old.status()).isEqualTo(422);
        assertThat(old.json().path("detail").asString()).contains(".xls").contains("save it as .xlsx or CSV");

        SheetClient.Answer brokenZip =
                linkWorker().post("/v1/imports", SheetClient.XLSX, bytes("PK\u0003\u0004 not really"));
        assertThat(brokenZip.status()).as(brokenZip.text()).isEqualTo(422);
        assertThat(brokenZip.json().path("type").asString()).isEqualTo("urn:linkway:problem:invalid-import");

        SheetClient.Answer noMapping =
                linkWorker().post("/v1/imports?mapping=nowhere", "text/csv", bytes("a\r\nb\r\n"));
        assertThat(noMapping.status()).isEqualTo(400);
        assertThat(noMapping.json().path("detail").asString()).contains("mapping");
    }

    @Test
    void a_broken_mapping_file_is_refused_naming_its_member() {
        SheetClient.Answer a = linkWorker()
                .postForm(
                        "/v1/imports",
                        bytes("Ref\r\nA-1\r\n"),
                        "sheet.csv",
                        bytes("{\"name\":\"mine\",\"columns\":[{\"heading\":\"Ref\",\"to\":\"/status\"}]}"));
        assertThat(a.status()).as(a.text()).isEqualTo(422);
        assertThat(a.json().path("findings").path(0).path("pointer").asString()).isEqualTo("/mapping/columns/0/to");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
