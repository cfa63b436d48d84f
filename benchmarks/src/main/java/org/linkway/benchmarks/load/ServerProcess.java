package org.linkway.benchmarks.load;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;

/** What the harnesses share about the server process they launch: its token issuer, its health, its CPU and memory. */
final class ServerProcess {

    private static final BigInteger P256_HALF_ORDER =
            new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16).shiftRight(1);

    private ServerProcess() {}

    /**
     * Writes a fresh public key to {@code data/keys.jwks}, where the server is told to read it, and
     * answers an admin token signed with the private half, issued by and for {@code name}.
     */
    static String issueToken(Path data, String name) throws Exception {
        return issueTokens(data, name, 1).get(0);
    }

    /** As {@link #issueToken}, {@code count} admin tokens with subjects of their own. */
    static List<String> issueTokens(Path data, String name, int count) throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID(name).generate();
        Files.writeString(data.resolve("keys.jwks"), new JWKSet(key.toPublicJWK()).toString());
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tokens.add(sign(key, name, name + "-harness" + (i == 0 ? "" : "-" + i)));
        }
        return tokens;
    }

    private static String sign(ECKey key, String name, String subject) throws Exception {
        SignedJWT jwt;
        do { // the server refuses high-S ES256 signatures; a fresh signature is low-S half the time
            jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(name).build(),
                    new JWTClaimsSet.Builder()
                            .issuer(name)
                            .audience(name)
                            .subject(subject)
                            .claim("org", "LINKWAY")
                            .claim("role", "admin")
                            .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(2))))
                            .build());
            jwt.sign(new ECDSASigner(key));
        } while (new BigInteger(1, Arrays.copyOfRange(jwt.getSignature().decode(), 32, 64)).compareTo(P256_HALF_ORDER)
                > 0);
        return jwt.serialize();
    }

    /** Polls {@code /health} every 5 ms until it answers 200; returns milliseconds since {@code launched} (a nanoTime). */
    static double waitHealthy(HttpClient http, String base, long launched) throws InterruptedException {
        HttpRequest health = HttpRequest.newBuilder(URI.create(base + "/health"))
                .timeout(Duration.ofSeconds(1))
                .build();
        for (int attempt = 0; attempt < 3000; attempt++) {
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - launched) / 1e6;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("the server did not become healthy in 15 s");
    }

    /** User plus system CPU time of a process, from /proc (Linux); -1 if it cannot be read. */
    static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return ticks * 10; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Resident memory of a process in MB, from /proc (Linux); -1 if it cannot be read. */
    static long residentMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    /** Deletes a data directory the harness made, quietly: what is left is only disk space. */
    static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // already gone, or not ours to delete
        }
    }
}
