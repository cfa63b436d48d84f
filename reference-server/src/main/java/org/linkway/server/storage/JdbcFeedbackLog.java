package org.linkway.server.storage;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.linkway.model.json.LinkwayJson;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@link FeedbackLog} on the transaction's connection. */
final class JdbcFeedbackLog implements FeedbackLog {

    private static final JsonMapper JSON = LinkwayJson.mapper();

    private final JdbcTx tx;
    private final boolean postgres;

    JdbcFeedbackLog(JdbcTx tx, boolean postgres) {
        this.tx = tx;
        this.postgres = postgres;
    }

    @Override
    public Tally tallyForAppend(String onwardReferralId) {
        if (postgres) {
            // the onward referral's row is the lock: two reports at once take their turns
            try (JdbcTx.Prepared s = tx.prepare(
                            "SELECT version FROM resource_latest WHERE type = 'OnwardReferral' AND id = ? FOR UPDATE",
                            onwardReferralId);
                    ResultSet rs = s.statement().executeQuery()) {
                rs.next();
            } catch (SQLException e) {
                throw new StoreException("cannot lock the onward referral", e);
            }
        }
        try (JdbcTx.Prepared s = tx.prepare(
                        "SELECT COALESCE(MAX(position), 0), COALESCE(SUM(bytes), 0) FROM onward_feedback "
                                + "WHERE onward_referral_id = ?",
                        onwardReferralId);
                ResultSet rs = s.statement().executeQuery()) {
            rs.next();
            return new Tally(rs.getInt(1), rs.getLong(2)); // positions are never deleted: the last is the count
        } catch (SQLException e) {
            throw new StoreException("cannot count feedback", e);
        }
    }

    @Override
    public void append(String onwardReferralId, String referralId, Tally tally, String json) {
        tx.execute(
                "INSERT INTO onward_feedback (onward_referral_id, position, referral_id, body, bytes, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)",
                onwardReferralId,
                tally.entries() + 1,
                referralId,
                json,
                json.getBytes(StandardCharsets.UTF_8).length,
                tx.micros());
    }

    @Override
    public String withFeedback(StoredResource onward) {
        List<String> entries = entries(onward.id());
        if (entries.isEmpty()) {
            return onward.body();
        }
        ObjectNode doc = (ObjectNode) JSON.readTree(onward.body());
        ArrayNode all = doc.has("feedback") ? (ArrayNode) doc.get("feedback") : doc.putArray("feedback");
        entries.forEach(e -> all.add(JSON.readTree(e)));
        return new String(JSON.writeValueAsBytes(doc), StandardCharsets.UTF_8);
    }

    @Override
    public List<String> entries(String onwardReferralId) {
        try (JdbcTx.Prepared s = tx.prepare(
                        "SELECT body FROM onward_feedback WHERE onward_referral_id = ? ORDER BY position",
                        onwardReferralId);
                ResultSet rs = s.statement().executeQuery()) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read feedback", e);
        }
    }
}
