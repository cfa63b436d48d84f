package org.linkway.server.sheets;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.linkway.model.ProblemType;
import org.linkway.server.http.ApiProblem;
import org.linkway.server.http.Json;
import org.linkway.server.referral.ReferralService;
import org.linkway.server.security.Callers;
import org.linkway.server.storage.Store;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /v1/imports}: a scheme's spreadsheet of referrals (CSV or XLSX, the body itself or the
 * {@code file} part of a form), read through a column mapping (a shipped one named by
 * {@code ?mapping=}, or the form's {@code mapping} part), imported all or nothing as referrals
 * addressed to the caller's link worker service. {@code ?dryRun=true} answers what would be created
 * and every finding, storing nothing. docs/SPREADSHEETS.md.
 *
 * <p>Who may import is decided in {@code security.AccessPolicy}: a link worker service only.
 */
public final class ImportRoutes {

    public static final String PATH = "/v1/imports";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String CSV = "text/csv";
    private static final String MULTIPART = "multipart/form-data";

    private final Importer importer;
    private final ImportLimits limits;

    public ImportRoutes(Store store, ReferralService referrals, Clock clock, ImportLimits limits) {
        this.importer = new Importer(store, referrals, clock);
        this.limits = limits;
    }

    public void register(RoutesConfig routes) {
        routes.post(PATH, this::post);
    }

    void post(Context ctx) {
        boolean dryRun = dryRun(ctx.queryParam("dryRun"));
        String type = mediaType(ctx.header("Content-Type"));
        if (!type.equals(CSV) && !type.equals(XLSX) && !type.equals(MULTIPART)) {
            throw new ApiProblem(
                    ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "an import is " + CSV + ", " + XLSX + " or " + MULTIPART
                            + " (parts 'file' and optional 'mapping'), not '" + (type.isEmpty() ? "none" : type) + "'");
        }
        byte[] body = body(ctx);
        byte[] file = body;
        ColumnMapping mapping = null;
        if (type.equals(MULTIPART)) {
            Map<String, byte[]> parts = Multipart.parts(ctx.header("Content-Type"), body);
            file = parts.get("file");
            if (file == null) {
                throw new ApiProblem(
                        ProblemType.BAD_REQUEST, "the form has no part named 'file': the spreadsheet goes there");
            }
            if (parts.containsKey("mapping")) {
                if (ctx.queryParam("mapping") != null) {
                    throw ApiProblem.badParameter("mapping", "give a shipped mapping's name or upload one, not both");
                }
                mapping = ColumnMapping.parse(parts.get("mapping"));
            }
        }
        if (mapping == null) {
            String name = ctx.queryParam("mapping");
            mapping = ColumnMapping.shipped(name == null ? "norfolk-waveney" : name);
        }
        Sheet sheet = SheetReader.read(file, limits);
        String organisation = Callers.of(ctx).organisation();
        Importer.Result result = importer.run(sheet, mapping, organisation, dryRun);
        Json.respond(ctx, !dryRun && result.created() > 0 ? 201 : 200, json(result));
    }

    private static boolean dryRun(String v) {
        if (v == null || v.equals("false")) {
            return false;
        }
        if (v.equals("true")) {
            return true;
        }
        throw ApiProblem.badParameter("dryRun", "true (check and say what would be created, storing nothing) or false");
    }

    /** The body, read no further than the limit: a declared length over it is refused before a byte is read. */
    private byte[] body(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        String over = "the body is larger than an import may be";
        if (declared > limits.maxBytes()) {
            throw ImportProblems.limit("maxBytes", limits.maxBytes(), over);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = ctx.req().getInputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (out.size() + (long) n > limits.maxBytes()) {
                    throw ImportProblems.limit("maxBytes", limits.maxBytes(), over);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (out.size() == 0) {
            throw ImportProblems.unreadable("the body is empty: send the spreadsheet");
        }
        return out.toByteArray();
    }

    static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
    }

    private static ObjectNode json(Importer.Result r) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("mapping", r.mapping());
        out.put("dryRun", r.dryRun());
        out.put("valid", r.valid());
        out.put("rows", r.rows());
        out.put(r.dryRun() ? "wouldCreate" : "created", r.valid() ? r.created() : 0);
        out.put("alreadyImported", r.alreadyImported());
        ArrayNode items = out.putArray("items");
        for (Importer.Outcome o : r.outcomes()) {
            ObjectNode i = items.addObject().put("row", o.row()).put("outcome", o.outcome());
            if (o.referralId() != null) {
                i.put("referralId", o.referralId());
            }
            if (o.referrerReferralId() != null) {
                i.put("referrerReferralId", o.referrerReferralId());
            }
        }
        ArrayNode findings = out.putArray("findings");
        for (RowFinding f : r.findings()) {
            ObjectNode n = findings.addObject().put("row", f.row());
            if (!f.column().isEmpty()) {
                n.put("column", f.column());
            }
            if (!f.cell().isEmpty()) {
                n.put("cell", f.cell());
            }
            n.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
            n.put("ruleId", f.ruleId());
            n.put("message", f.message());
        }
        return out;
    }

    /** The routes this feature serves, for the access matrix. */
    public static final List<String> ROUTES = List.of(PATH);
}
