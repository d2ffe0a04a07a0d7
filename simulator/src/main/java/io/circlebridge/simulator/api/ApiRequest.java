package io.circlebridge.simulator.api;

import com.sun.net.httpserver.Headers;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An incoming request, with its path relative to {@code /api/v2} split into decoded segments.
 *
 * @param path the decoded path relative to {@code /api/v2}, such as {@code /project/gh/org/repo/pipeline}
 * @param segments the path's segments; an encoded {@code %2F} inside a segment splits it, so
 *     {@code gh%2Forg%2Frepo} and {@code gh/org/repo} give the same segments
 * @param encodedSlash whether the raw path contained an encoded {@code /}
 */
record ApiRequest(
        String method,
        String path,
        List<String> segments,
        boolean encodedSlash,
        Map<String, String> query,
        Headers headers,
        byte[] body) {

    static final String API_ROOT = "/api/v2";

    ApiRequest {
        segments = List.copyOf(segments);
        query = Map.copyOf(query);
    }

    /**
     * Parses the raw path and query.
     *
     * @return {@code null} when the path is not under {@code /api/v2}
     */
    static ApiRequest parse(String method, String rawPath, String rawQuery, Headers headers, byte[] body) {
        if (!rawPath.equals(API_ROOT) && !rawPath.startsWith(API_ROOT + "/")) {
            return null;
        }
        String relative = rawPath.substring(API_ROOT.length());
        List<String> segments = new ArrayList<>();
        for (String raw : relative.split("/")) {
            if (!raw.isEmpty()) {
                segments.addAll(Arrays.asList(decode(raw).split("/")));
            }
        }
        segments.removeIf(String::isEmpty);
        boolean encodedSlash = relative.toUpperCase(Locale.ROOT).contains("%2F");
        return new ApiRequest(method, "/" + String.join("/", segments), segments, encodedSlash, parseQuery(rawQuery),
                headers, body);
    }

    /** Returns a query parameter, or {@code null}. */
    String queryParameter(String name) {
        return query.get(name);
    }

    /** Returns a header value, or {@code null}. */
    String header(String name) {
        return headers.getFirst(name);
    }

    private static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> query = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            query.putIfAbsent(name, value);
        }
        return query;
    }

    /** Decodes a path segment; unlike in a query, {@code +} in a path is a plain plus sign. */
    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
