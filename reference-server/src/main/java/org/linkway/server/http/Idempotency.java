package org.linkway.server.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.linkway.model.ProblemType;
import org.linkway.server.storage.IdempotencyRecord;
import org.linkway.server.storage.Store;
import org.linkway.server.storage.Tx;

/**
 * {@code Idempotency-Key} for every create: a retry with the same key and the same request answers
 * the first answer again ({@code Idempotent-Replayed: true}) instead of writing twice; the same key
 * for a different request (another body, or another endpoint) is refused with 422. The answer is
 * remembered in the transaction that writes, so either both are kept or neither.
 *
 * <p>Keys belong to the caller: each organisation, in each role, has its own. The same key from
 * another organisation is another key, answered with its own fresh result, so a key cannot be
 * used to learn of, replay or block another organisation's requests.
 */
public final class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    /** The request attribute holding whose keys a request's key is among; set by authentication. */
    public static final String SCOPE = "linkway.idempotency-scope";

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    /** Checks the request and returns the write to run; throwing an {@link ApiProblem} refuses it, writing nothing. */
    @FunctionalInterface
    public interface Prepare {
        Write prepare();
    }

    /** The write itself, inside the transaction that also remembers its answer. */
    @FunctionalInterface
    public interface Write {
        Answer apply(Tx tx);
    }

    private final Store store;

    public Idempotency(Store store) {
        this.store = store;
    }

    /**
     * Whose keys this request's key is among: the authenticated organisation and role. A key is
     * stored as this scope, a space and the key (which has no spaces), so two callers' keys never meet.
     */
    public static void scopeTo(Context ctx, String role, String organisation) {
        ctx.attribute(SCOPE, role + "/" + organisation);
    }

    /** The request's key within its caller's scope; null without one, 400 when it is malformed. */
    public static String key(Context ctx) {
        String key = ctx.header(HEADER);
        if (key != null && !KEY.matcher(key).matches()) {
            throw new ApiProblem(ProblemType.BAD_HEADER, "Idempotency-Key must be 1 to 255 visible ASCII characters");
        }
        if (key == null) {
            return null;
        }
        String scope = ctx.attribute(SCOPE);
        return (scope == null ? "-" : scope) + " " + key;
    }

    /** Runs a create for the request in {@code ctx} (its key, method, path and body) and sends its answer. */
    public void create(Context ctx, Prepare prepare) {
        create(key(ctx), ctx.method() + " " + ctx.path(), ctx.bodyAsBytes(), prepare)
                .send(ctx);
    }

    /**
     * Runs a create once per key.
     *
     * @param key     null to run it unconditionally
     * @param target  what the request was sent to (method and path): a key names one request, not one body anywhere
     */
    public Answer create(String key, String target, byte[] body, Prepare prepare) {
        RequestAudit.Entry audit = RequestAudit.current();
        if (key == null) {
            Write write = prepare.prepare();
            return audited(audit, store.transaction(tx -> audited(audit, tx, write.apply(tx))));
        }
        String hash = hash(target, body);
        Optional<Answer> earlier = replay(key, hash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Write write = prepare.prepare();
        try {
            return audited(audit, store.transaction(tx -> {
                Answer answer = write.apply(tx);
                tx.saveIdempotency(new IdempotencyRecord(
                        key, hash, answer.status(), answer.body(), answer.location(), answer.etag(), answer.bodyOf()));
                return audited(audit, tx, answer);
            }));
        } catch (RuntimeException raced) {
            // two requests with one key at once: the loser answers as a retry would
            return replay(key, hash).orElseThrow(() -> raced);
        }
    }

    private static Answer audited(RequestAudit.Entry audit, Tx tx, Answer answer) {
        if (audit != null) {
            audit.appendWithin(tx, answer.status());
        }
        return answer;
    }

    private static Answer audited(RequestAudit.Entry audit, Answer committed) {
        if (audit != null) {
            audit.committed(committed.status());
        }
        return committed;
    }

    /**
     * Off the writer: committed state is enough. A retry comes after its first answer, and a racing
     * loser's failure reaches it only once the batch holding the winner has committed.
     */
    private Optional<Answer> replay(String key, String hash) {
        return store.read(tx -> tx.idempotency(key)).map(rec -> {
            if (!rec.requestHash().equals(hash)) {
                throw new ApiProblem(
                        ProblemType.IDEMPOTENCY_KEY_REUSED,
                        "this Idempotency-Key was used by you for a different request (another body or another "
                                + "endpoint); use a new key for a new request");
            }
            return new Answer(rec.status(), rec.body(), rec.location(), rec.etag(), true);
        });
    }

    private static String hash(String target, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(target.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            return HexFormat.of().formatHex(sha.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
