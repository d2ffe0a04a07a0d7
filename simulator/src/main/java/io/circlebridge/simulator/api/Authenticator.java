package io.circlebridge.simulator.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;

/**
 * Checks the API token the way CircleCI accepts it: the {@code Circle-Token} header, {@code Authorization: Bearer},
 * or HTTP Basic with the token as user name. A token in the {@code circle-token} query parameter is rejected.
 */
final class Authenticator {

    static final String INVALID_TOKEN = "Invalid token provided.";
    static final String QUERY_AUTH_REJECTED = "Support for query parameter authentication has been deprecated to "
            + "improve security. Please use a supported authentication method such as header-based, or basic "
            + "authentication.";

    private final byte[] expected;

    Authenticator(String token) {
        this.expected = token.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Returns the token the request presented.
     *
     * @throws ApiException 401 when it is missing, wrong, or sent as a query parameter
     */
    String authenticate(ApiRequest request) {
        String presented = presentedToken(request);
        if (presented == null && request.queryParameter("circle-token") != null) {
            throw new ApiException(401, QUERY_AUTH_REJECTED);
        }
        if (presented == null
                || !MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(401, INVALID_TOKEN);
        }
        return presented;
    }

    private static String presentedToken(ApiRequest request) {
        String circleToken = request.header("Circle-Token");
        if (circleToken != null) {
            return circleToken.trim();
        }
        String authorization = request.header("Authorization");
        if (authorization == null) {
            return null;
        }
        String lower = authorization.toLowerCase(Locale.ROOT);
        if (lower.startsWith("bearer ")) {
            return authorization.substring("bearer ".length()).trim();
        }
        if (lower.startsWith("basic ")) {
            return basicUser(authorization.substring("basic ".length()).trim());
        }
        return null;
    }

    private static String basicUser(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
