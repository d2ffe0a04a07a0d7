package io.circlebridge.poller.circleci;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponse;

/** Recorded CircleCI responses under {@code src/test/resources/circleci} and MockWebServer responses built from them. */
final class Fixtures {

    private Fixtures() {
    }

    /** Reads a fixture file, for example {@code pipeline.json}. */
    static String read(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/circleci/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture /circleci/" + name + " on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns a JSON response with the given status and body. */
    static MockResponse json(int status, String body) {
        return new MockResponse.Builder()
                .code(status)
                .setHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    /** Returns a JSON response with the given status and the content of a fixture file. */
    static MockResponse fixture(int status, String name) {
        return json(status, read(name));
    }

    /** Returns a 200 list page with the given items and next page token (null for the last page). */
    static MockResponse page(String nextPageToken, String... items) {
        String token = nextPageToken == null ? "null" : "\"" + nextPageToken + "\"";
        return json(200, "{\"items\": [" + String.join(",", items) + "], \"next_page_token\": " + token + "}");
    }
}
