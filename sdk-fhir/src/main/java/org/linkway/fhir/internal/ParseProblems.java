package org.linkway.fhir.internal;

import org.linkway.model.json.LinkwayJson;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/**
 * Says why FHIR text could not be parsed, and where. HAPI's own message names neither line nor
 * column for a truncated file, so the text is read once more, only after HAPI has failed, with a
 * JSON parser that does: a user sees "line 40, column 3" rather than a parser's internals.
 */
final class ParseProblems {

    private ParseProblems() {}

    static String describe(String json, Throwable hapiFailure) {
        try {
            LinkwayJson.mapper().readTree(json);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1
                    ? ""
                    : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String why = e.getOriginalMessage();
            boolean truncated =
                    why != null && why.toLowerCase(java.util.Locale.ROOT).contains("end-of-input");
            return "The input is not well-formed JSON" + where + ": " + oneLine(why)
                    + (truncated ? " (the file looks truncated)." : ".");
        } catch (RuntimeException | StackOverflowError e) {
            // fall through to HAPI's description
        }
        return "The input is not FHIR R4 JSON that can be read: " + oneLine(hapiFailure.getMessage());
    }

    static String oneLine(String s) {
        if (s == null) {
            return "no detail";
        }
        String t = s.replaceAll("\\s+", " ").trim();
        return t.length() > 300 ? t.substring(0, 300) + "..." : t;
    }
}
