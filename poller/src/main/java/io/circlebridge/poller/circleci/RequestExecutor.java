package io.circlebridge.poller.circleci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.core.IntervalFunction;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one API request: waits for the {@link Throttle}, sets the headers, reads and parses the response, maps error
 * statuses to {@link CircleCiException}, and retries what may succeed on a second try.
 *
 * <p>Reads are retried after a 429, a 5xx, an I/O error or a timeout, up to the policy's attempts. Requests that
 * change state (pipeline triggers) are retried only after a 429 or a refused connection, because after any other
 * failure CircleCI may already have created the pipeline. Every response is closed.
 */
final class RequestExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(RequestExecutor.class);

    private static final MediaType JSON = MediaType.get("application/json");
    private static final String USER_AGENT = "CircleBridge";

    private final OkHttpClient http;
    private final CircleCiToken token;
    private final ObjectMapper mapper;
    private final Throttle throttle;
    private final RetryPolicy retryPolicy;
    private final IntervalFunction backoff;
    private final ErrorResponses errors;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ClientCounters counters;

    RequestExecutor(OkHttpClient http, CircleCiToken token, ObjectMapper mapper, Throttle throttle,
            RetryPolicy retryPolicy, Clock clock, Sleeper sleeper, ClientCounters counters) {
        this.http = http;
        this.token = token;
        this.mapper = mapper;
        this.throttle = throttle;
        this.retryPolicy = retryPolicy;
        this.backoff = retryPolicy.intervalFunction();
        this.errors = new ErrorResponses(mapper, this::redact);
        this.clock = clock;
        this.sleeper = sleeper;
        this.counters = counters;
    }

    /** Sends a GET and returns the parsed JSON body of its 2xx response. */
    ApiResponse get(HttpUrl url, String projectSlug) {
        Request request = newRequest(url).get().build();
        return execute(request, new ApiCall("GET", url.encodedPath(), projectSlug));
    }

    /** Sends a POST with a JSON body and returns the parsed JSON body of its 2xx response. */
    ApiResponse post(HttpUrl url, JsonNode body, String projectSlug) {
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write the request body for POST " + url.encodedPath(), e);
        }
        Request request = newRequest(url).post(new OneShotJsonBody(bytes)).build();
        return execute(request, new ApiCall("POST", url.encodedPath(), projectSlug));
    }

    private ApiResponse execute(Request request, ApiCall call) {
        int attempt = 1;
        while (true) {
            try {
                throttle.acquire(call);
                return sendOnce(request, call);
            } catch (CircleCiException failure) {
                if (attempt >= retryPolicy.maxAttempts() || !shouldRetry(failure, call)) {
                    throw failure;
                }
                retryAfter(failure, call, attempt);
                attempt++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw interrupted(call, e);
            }
        }
    }

    private ApiResponse sendOnce(Request request, ApiCall call) {
        counters.request();
        Call httpCall = http.newCall(request);
        try (Response response = httpCall.execute()) {
            int status = response.code();
            String body = response.body().string();
            RateLimitHeaders rateLimits = RateLimitHeaders.parse(response.headers(), clock.instant());

            if (status == 429) {
                throttle.onRejected(call, rateLimits);
                throw errors.forStatus(call, status, body);
            }
            throttle.onAccepted(call, rateLimits);
            if (status < 200 || status > 299) {
                throw errors.forStatus(call, status, body);
            }
            return new ApiResponse(status, parse(call, status, body));
        } catch (InterruptedIOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw interrupted(call, e);
            }
            throw transportFailure(CircleCiException.Kind.TIMEOUT, call, "timed out (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw transportFailure(CircleCiException.Kind.IO, call, "failed with an I/O error: " + e, e);
        }
    }

    private JsonNode parse(ApiCall call, int status, String body) {
        if (body.isBlank()) {
            throw errors.malformed(call, status, body, "an empty body", null);
        }
        try {
            JsonNode json = mapper.readTree(body);
            if (json == null || json.isMissingNode()) {
                throw errors.malformed(call, status, body, "an empty body", null);
            }
            return json;
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the unexpected token, which may be a secret echoed by a proxy page, so only the
            // redacted excerpt is kept.
            throw errors.malformed(call, status, body, "a body that is not valid JSON", null);
        }
    }

    private boolean shouldRetry(CircleCiException failure, ApiCall call) {
        if (failure.status() == CircleCiException.NO_STATUS && failure.kind() == CircleCiException.Kind.RATE_LIMITED) {
            // The throttle refused to wait that long; another attempt would be refused the same way.
            return false;
        }
        if (call.changesState()) {
            return failure.kind() == CircleCiException.Kind.RATE_LIMITED || neverReachedServer(failure);
        }
        CircleCiException.Kind kind = failure.kind();
        return kind == CircleCiException.Kind.RATE_LIMITED || kind == CircleCiException.Kind.SERVER_ERROR
                || kind == CircleCiException.Kind.IO || kind == CircleCiException.Kind.TIMEOUT;
    }

    private void retryAfter(CircleCiException failure, ApiCall call, int attempt) {
        counters.retry();
        if (failure.kind() == CircleCiException.Kind.RATE_LIMITED) {
            // The throttle has paused every caller; the next acquire waits the pause out.
            LOG.debug("Retrying {} after a 429 (attempt {} of {})", call, attempt + 1, retryPolicy.maxAttempts());
            return;
        }
        Duration wait = Duration.ofMillis(backoff.apply(attempt));
        LOG.warn("{}; retrying in {} (attempt {} of {})", failure.getMessage(), Throttle.format(wait), attempt + 1,
                retryPolicy.maxAttempts());
        counters.waited(wait);
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(call, e);
        }
    }

    private static boolean neverReachedServer(CircleCiException failure) {
        Throwable cause = failure.getCause();
        return cause instanceof ConnectException || cause instanceof UnknownHostException;
    }

    private CircleCiException transportFailure(CircleCiException.Kind kind, ApiCall call, String what,
            IOException cause) {
        boolean outcomeUnknown = call.changesState()
                && !(cause instanceof ConnectException || cause instanceof UnknownHostException);
        return new CircleCiException(kind, CircleCiException.NO_STATUS, call.method(), call.path(), null,
                outcomeUnknown, redact(call + " " + what), cause);
    }

    private static CircleCiException interrupted(ApiCall call, Exception cause) {
        return new CircleCiException(CircleCiException.Kind.INTERRUPTED, CircleCiException.NO_STATUS, call.method(),
                call.path(), null, call.changesState(), call + " was interrupted", cause);
    }

    private Request.Builder newRequest(HttpUrl url) {
        return new Request.Builder()
                .url(url)
                .header("Circle-Token", token.value())
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT);
    }

    private String redact(String text) {
        return text == null ? null : text.replace(token.value(), token.toString());
    }

    /**
     * A JSON request body that OkHttp may send only once. OkHttp otherwise repeats a request on a pooled connection
     * that fails mid-transfer, which for a trigger could create a second pipeline.
     */
    private static final class OneShotJsonBody extends RequestBody {

        private final byte[] bytes;

        OneShotJsonBody(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public MediaType contentType() {
            return JSON;
        }

        @Override
        public long contentLength() {
            return bytes.length;
        }

        @Override
        public boolean isOneShot() {
            return true;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            sink.write(bytes);
        }
    }
}
