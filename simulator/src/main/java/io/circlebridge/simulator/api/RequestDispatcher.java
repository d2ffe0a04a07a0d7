package io.circlebridge.simulator.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.circlebridge.simulator.fault.FaultRules;
import io.circlebridge.simulator.fault.MalformedBody;
import io.circlebridge.simulator.fault.ResponseFaults;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every request through the same steps: slow-down, 5xx and 429 bursts, authentication, the token budget,
 * the endpoint, and finally the malformed-body fault.
 */
final class RequestDispatcher implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RequestDispatcher.class);

    private static final String PROXY_ERROR_PAGE =
            "<html><head><title>Error</title></head><body>upstream connect error or disconnect/reset before "
                    + "headers. reset reason: connection termination</body></html>";

    private final Router router;
    private final Authenticator authenticator;
    private final FaultRules faults;

    RequestDispatcher(Router router, Authenticator authenticator, FaultRules faults) {
        this.router = router;
        this.authenticator = authenticator;
        this.faults = faults;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            ApiResponse response;
            try {
                response = respond(exchange);
            } catch (RuntimeException e) {
                LOG.error("Request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), e);
                response = ApiResponse.message(500, "Internal Server Error");
            }
            send(exchange, response);
        }
    }

    private ApiResponse respond(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream input = exchange.getRequestBody()) {
            body = input.readAllBytes();
        }
        ApiRequest request = ApiRequest.parse(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body);
        if (request == null) {
            return ApiResponse.message(404, "Not Found");
        }
        pause(faults.delay(request.path()));
        Optional<ApiResponse> injected = faults.takeServerError(request.path())
                .or(() -> faults.takeRateLimit(request.path()))
                .map(ApiResponse::from);
        if (injected.isPresent()) {
            LOG.debug("Fault: answering {} {} with {}", request.method(), request.path(), injected.get().status());
            return injected.get();
        }

        ApiResponse response = answer(request);
        return faults.takeMalformedBody(request.path()).map(kind -> malformed(response, kind)).orElse(response);
    }

    private ApiResponse answer(ApiRequest request) {
        try {
            String token = authenticator.authenticate(request);
            Optional<ApiResponse> overBudget = faults.chargeToken(token).map(ApiResponse::from);
            if (overBudget.isPresent()) {
                return overBudget.get();
            }
            Router.Match match = router.match(request.method(), request.segments());
            ResponseFaults responseFaults = faults.responseFaults(request.path());
            return match.endpoint().handle(request, match.variables(), responseFaults);
        } catch (ApiException e) {
            LOG.debug("Rejected {} {} with {}: {}", request.method(), request.path(), e.status(), e.getMessage());
            return ApiResponse.message(e.status(), e.getMessage());
        } catch (Router.MethodNotAllowed e) {
            byte[] body = Json.bytes(Json.message(e.getMessage()));
            return new ApiResponse(405, ApiResponse.JSON, Map.of("Allow", e.allowHeader()), body);
        }
    }

    private static ApiResponse malformed(ApiResponse response, MalformedBody kind) {
        return switch (kind) {
            case NOT_JSON -> response.withBody(PROXY_ERROR_PAGE.getBytes(StandardCharsets.UTF_8));
            case TRUNCATED_JSON -> response.withBody(Arrays.copyOf(response.body(), response.body().length / 2));
        };
    }

    private static void send(HttpExchange exchange, ApiResponse response) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream output = exchange.getResponseBody()) {
                output.write(body);
            }
        }
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
