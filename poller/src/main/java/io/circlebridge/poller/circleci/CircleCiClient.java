package io.circlebridge.poller.circleci;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client for the CircleCI API v2.
 *
 * <p>Build one client per token and share it: its request budget (100 requests per minute unless configured
 * otherwise) and its rate-limit pauses apply to every caller of the client together. The client is thread-safe.
 *
 * <p>Reads are retried with backoff after 5xx responses, I/O errors and timeouts; 400, 401, 403 and 404 fail at once
 * with a {@link CircleCiException} that carries the status, the path and CircleCI's message. Lists are read page by
 * page up to a page cap; see {@link PagedResult} for what an incomplete listing returns.
 *
 * <pre>{@code
 * try (CircleCiClient client = CircleCiClient.builder()
 *         .token(CircleCiToken.fromEnvironmentOrFile(Path.of("/etc/circlebridge/token")))
 *         .build()) {
 *     PagedResult<Pipeline> pipelines = client.listProjectPipelines("gh/example-org/example-repo", "main");
 * }
 * }</pre>
 */
public final class CircleCiClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CircleCiClient.class);

    /** CircleCI cloud's API v2 base URL. */
    public static final String DEFAULT_BASE_URL = "https://circleci.com/api/v2";
    /** Default client-side budget, in requests per minute. */
    public static final int DEFAULT_REQUESTS_PER_MINUTE = 100;
    /** Default number of pages read per list call. */
    public static final int DEFAULT_MAX_PAGES = 10;
    /** Default connect timeout. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Default read and write timeout. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    /** Default timeout of a whole call, from connecting to reading the body; waits for the budget excluded. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);
    /** Default longest wait for the request budget or a rate-limit pause before a request fails instead. */
    public static final Duration DEFAULT_MAX_RATE_LIMIT_WAIT = Duration.ofMinutes(2);

    private final HttpUrl baseUrl;
    private final OkHttpClient http;
    private final boolean ownsHttpClient;
    private final ObjectMapper mapper;
    private final ClientCounters counters;
    private final RequestExecutor executor;
    private final Paginator paginator;
    private final int maxPages;
    private final String budgetDescription;
    private final AtomicBoolean closed = new AtomicBoolean();

    private CircleCiClient(Builder builder) {
        this.baseUrl = builder.parsedBaseUrl();
        this.ownsHttpClient = builder.httpClient == null;
        this.http = builder.effectiveHttpClient();
        this.mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
        this.counters = new ClientCounters();
        Throttle throttle = new Throttle(builder.requestsPerWindow, builder.rateLimitWindow, builder.maxRateLimitWait,
                builder.retryPolicy.intervalFunction(), builder.clock, builder.sleeper, counters);
        this.executor = new RequestExecutor(http, builder.token, mapper, throttle, builder.retryPolicy, builder.clock,
                builder.sleeper, counters);
        this.paginator = new Paginator(executor, counters);
        this.maxPages = builder.maxPages;
        this.budgetDescription =
                builder.requestsPerWindow + " requests per " + Throttle.format(builder.rateLimitWindow);
    }

    /** Returns a builder with the defaults; only the token is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Lists a project's pipelines, newest first, up to the client's page cap.
     *
     * @param projectSlug project slug in short or long form
     * @param branch only pipelines of this branch, or null for all branches and tags
     */
    public PagedResult<Pipeline> listProjectPipelines(String projectSlug, String branch) {
        return listProjectPipelines(projectSlug, branch, maxPages);
    }

    /** Lists a project's pipelines, newest first, reading at most {@code pageCap} pages. */
    public PagedResult<Pipeline> listProjectPipelines(String projectSlug, String branch, int pageCap) {
        ProjectSlug slug = ProjectSlug.parse(projectSlug);
        HttpUrl.Builder url = projectUrl(slug).addPathSegment("pipeline");
        if (branch != null) {
            url.addQueryParameter("branch", branch);
        }
        return list("pipelines of " + slug, url.build(), slug.toString(), requirePageCap(pageCap),
                ResponseMapper::pipeline);
    }

    /**
     * Lists the pipelines of an organization's most recently built projects that the token's user follows (at most
     * 250 projects, so not an exhaustive source).
     *
     * @param organizationSlug {@code gh/<org>}, {@code bb/<org>}, {@code circleci/<org-id>} or a long form
     */
    public PagedResult<Pipeline> listOrganizationPipelines(String organizationSlug) {
        String slug = ProjectSlug.normalizeOrganizationSlug(organizationSlug);
        HttpUrl url = url("pipeline").addQueryParameter("org-slug", slug).build();
        return list("pipelines of organization " + slug, url, null, maxPages, ResponseMapper::pipeline);
    }

    /** Returns one pipeline by id. */
    public Pipeline getPipeline(String pipelineId) {
        HttpUrl url = url("pipeline", requireId(pipelineId, "pipelineId")).build();
        return single(executor.get(url, null), "GET", url, ResponseMapper::pipeline);
    }

    /** Lists the workflows of a pipeline; reruns appear as further workflows with the same name. */
    public PagedResult<Workflow> listPipelineWorkflows(String pipelineId) {
        HttpUrl url = url("pipeline", requireId(pipelineId, "pipelineId"), "workflow").build();
        return list("workflows of pipeline " + pipelineId, url, null, maxPages, ResponseMapper::workflow);
    }

    /** Returns one workflow by id. */
    public Workflow getWorkflow(String workflowId) {
        HttpUrl url = url("workflow", requireId(workflowId, "workflowId")).build();
        return single(executor.get(url, null), "GET", url, ResponseMapper::workflow);
    }

    /** Lists the jobs of a workflow. */
    public PagedResult<Job> listWorkflowJobs(String workflowId) {
        HttpUrl url = url("workflow", requireId(workflowId, "workflowId"), "job").build();
        return list("jobs of workflow " + workflowId, url, null, maxPages, ResponseMapper::job);
    }

    /**
     * Returns the details of a build job. CircleCI has no details for approval jobs and returns 404 for them, which
     * raises a {@link CircleCiException} of kind {@code NOT_FOUND}.
     */
    public JobDetails getJobDetails(String projectSlug, long jobNumber) {
        ProjectSlug slug = ProjectSlug.parse(projectSlug);
        HttpUrl url = projectUrl(slug).addPathSegment("job").addPathSegment(Long.toString(jobNumber)).build();
        return single(executor.get(url, slug.toString()), "GET", url, ResponseMapper::jobDetails);
    }

    /**
     * Returns the details of a job from a job list.
     *
     * @throws IllegalArgumentException when the job is not of type {@code build} or has no job number
     */
    public JobDetails getJobDetails(Job job) {
        if (!"build".equals(job.type()) || job.jobNumber() == null || job.projectSlug() == null) {
            throw new IllegalArgumentException("Job " + job.id() + " (type " + job.type() + ", number "
                    + job.jobNumber() + ") has no details: CircleCI keeps details only for build jobs with a number");
        }
        return getJobDetails(job.projectSlug(), job.jobNumber());
    }

    /** Lists a project's environment variables with masked values. */
    public PagedResult<EnvVar> listProjectEnvVars(String projectSlug) {
        ProjectSlug slug = ProjectSlug.parse(projectSlug);
        HttpUrl url = projectUrl(slug).addPathSegment("envvar").build();
        return list("environment variables of " + slug, url, slug.toString(), maxPages, ResponseMapper::envVar);
    }

    /**
     * Returns the aggregated metrics of each workflow of a project.
     *
     * @param reportingWindow time span of the report
     * @param branches one branch, all branches, or the project's default branch
     */
    public PagedResult<WorkflowMetrics> getWorkflowInsights(String projectSlug, ReportingWindow reportingWindow,
            BranchFilter branches) {
        ProjectSlug slug = ProjectSlug.parse(projectSlug);
        Objects.requireNonNull(reportingWindow, "reportingWindow");
        Objects.requireNonNull(branches, "branches");
        HttpUrl.Builder url = url("insights").addPathSegments(slug.toString()).addPathSegment("workflows")
                .addQueryParameter("reporting-window", reportingWindow.queryValue());
        if (branches.all()) {
            url.addQueryParameter("all-branches", "true");
        } else if (branches.branch() != null) {
            url.addQueryParameter("branch", branches.branch());
        }
        return list("workflow insights of " + slug, url.build(), slug.toString(), maxPages,
                ResponseMapper::workflowMetrics);
    }

    /**
     * Triggers a pipeline.
     *
     * <p>{@code gh/} and {@code bb/} projects (and their long forms) go to {@code POST /project/{slug}/pipeline};
     * {@code circleci/} projects, which that endpoint rejects, go to
     * {@code POST /project/circleci/{org-id}/{project-id}/pipeline/run} with the branch or tag as both the config
     * source and the checkout. A 200 response with only a message means CircleCI created no pipeline; the result then
     * has {@code created == false}.
     *
     * <p>A failed trigger is repeated only when it cannot have reached CircleCI. After a timeout, an I/O error or a
     * 5xx response the exception reports {@link CircleCiException#isOutcomeUnknown()}: a pipeline may exist.
     */
    public TriggeredPipeline triggerPipeline(String projectSlug, TriggerRequest request) {
        ProjectSlug slug = ProjectSlug.parse(projectSlug);
        Objects.requireNonNull(request, "request");

        HttpUrl url;
        ObjectNode body = mapper.createObjectNode();
        if (slug.isCircleCiProvider()) {
            url = projectUrl(slug).addPathSegment("pipeline").addPathSegment("run").build();
            ObjectNode reference = gitReference(request);
            if (reference.size() > 0) {
                // NOTE: the branch or tag serves as both config source and checkout; callers cannot set them apart.
                body.set("config", reference);
                body.set("checkout", reference.deepCopy());
            }
        } else {
            url = projectUrl(slug).addPathSegment("pipeline").build();
            body.setAll(gitReference(request));
        }
        if (!request.parameters().isEmpty()) {
            body.set("parameters", parameters(request.parameters()));
        }

        TriggeredPipeline triggered = single(executor.post(url, body, slug.toString()), "POST", url,
                ResponseMapper::triggeredPipeline);
        if (triggered.created()) {
            LOG.debug("Triggered pipeline {} ({}) of {}", triggered.number(), triggered.id(), slug);
        } else {
            LOG.info("CircleCI created no pipeline for {}: {}", slug, triggered.message());
        }
        return triggered;
    }

    /** Returns the client's counters. */
    public ClientMetrics metrics() {
        return counters.snapshot();
    }

    /** Releases the connection pool and threads of the HTTP client, unless the caller supplied that client. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && ownsHttpClient) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    @Override
    public String toString() {
        return "CircleCiClient[baseUrl=" + baseUrl + ", budget=" + budgetDescription + ", maxPages=" + maxPages
                + ", token=[hidden]]";
    }

    private <T> PagedResult<T> list(String what, HttpUrl firstPage, String projectSlug, int pageCap,
            Function<JsonNode, T> itemMapper) {
        ensureOpen();
        return paginator.readAll(what, firstPage, projectSlug, pageCap, itemMapper);
    }

    private <T> T single(ApiResponse response, String method, HttpUrl url, Function<JsonNode, T> mapper) {
        try {
            return mapper.apply(response.body());
        } catch (MalformedItemException e) {
            throw new CircleCiException(CircleCiException.Kind.MALFORMED_RESPONSE, response.status(), method,
                    url.encodedPath(), null, "POST".equals(method),
                    method + " " + url.encodedPath() + " returned a body that cannot be read: " + e.getMessage(), e);
        }
    }

    private HttpUrl.Builder url(String... segments) {
        ensureOpen();
        HttpUrl.Builder url = baseUrl.newBuilder();
        for (String segment : segments) {
            url.addPathSegment(segment);
        }
        return url;
    }

    private HttpUrl.Builder projectUrl(ProjectSlug slug) {
        HttpUrl.Builder url = url("project");
        for (String segment : slug.segments()) {
            url.addPathSegment(segment);
        }
        return url;
    }

    private ObjectNode gitReference(TriggerRequest request) {
        ObjectNode reference = mapper.createObjectNode();
        if (request.branch() != null) {
            reference.put("branch", request.branch());
        }
        if (request.tag() != null) {
            reference.put("tag", request.tag());
        }
        return reference;
    }

    private ObjectNode parameters(Map<String, Object> parameters) {
        ObjectNode node = mapper.createObjectNode();
        for (Map.Entry<String, Object> entry : parameters.entrySet()) {
            node.set(entry.getKey(), mapper.valueToTree(entry.getValue()));
        }
        return node;
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("CircleCiClient is closed");
        }
    }

    private static String requireId(String id, String name) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(name + " is missing or blank");
        }
        return id;
    }

    private static int requirePageCap(int pageCap) {
        if (pageCap < 1) {
            throw new IllegalArgumentException("Page cap must be at least 1, got " + pageCap);
        }
        return pageCap;
    }

    /** Settings of a {@link CircleCiClient}. */
    public static final class Builder {

        private String baseUrl = DEFAULT_BASE_URL;
        private CircleCiToken token;
        private OkHttpClient httpClient;
        private Duration connectTimeout;
        private Duration readTimeout;
        private Duration callTimeout;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private int requestsPerWindow = DEFAULT_REQUESTS_PER_MINUTE;
        private Duration rateLimitWindow = Duration.ofMinutes(1);
        private Duration maxRateLimitWait = DEFAULT_MAX_RATE_LIMIT_WAIT;
        private int maxPages = DEFAULT_MAX_PAGES;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();

        private Builder() {
        }

        /** Sets the API base URL, for example {@code https://circleci.example.com/api/v2} for a server install. */
        public Builder baseUrl(String url) {
            this.baseUrl = Objects.requireNonNull(url, "baseUrl");
            return this;
        }

        /** Sets the personal API token; required. */
        public Builder token(CircleCiToken apiToken) {
            this.token = Objects.requireNonNull(apiToken, "token");
            return this;
        }

        /**
         * Sets the HTTP client to share. The client is not closed by {@link CircleCiClient#close()}; timeouts set on
         * this builder override the client's own.
         */
        public Builder httpClient(OkHttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "httpClient");
            return this;
        }

        /** Sets the connect timeout; default 10 s. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = requirePositive(timeout, "connectTimeout");
            return this;
        }

        /** Sets the read and write timeout, the longest silence while a response or request streams; default 30 s. */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = requirePositive(timeout, "readTimeout");
            return this;
        }

        /** Sets the timeout of one whole HTTP call; default 60 s. */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = requirePositive(timeout, "callTimeout");
            return this;
        }

        /** Sets the clock that times rate-limit pauses; default the UTC system clock. */
        public Builder clock(Clock source) {
            this.clock = Objects.requireNonNull(source, "clock");
            return this;
        }

        /** Sets how the client waits; default a real sleep. */
        public Builder sleeper(Sleeper waiter) {
            this.sleeper = Objects.requireNonNull(waiter, "sleeper");
            return this;
        }

        /** Sets the client-side budget in requests per minute, at least 2; default 100. */
        public Builder requestsPerMinute(int requests) {
            return rateLimit(requests, Duration.ofMinutes(1));
        }

        /**
         * Sets the client-side budget: no sliding window of length {@code window} contains more than
         * {@code requests} requests, which must be at least 2. Requests are spaced {@code window / (requests - 1)}
         * apart, so the sustained rate is {@code requests - 1} per window.
         */
        public Builder rateLimit(int requests, Duration window) {
            if (requests < 2) {
                throw new IllegalArgumentException("Request budget must be at least 2 per window, got " + requests);
            }
            this.requestsPerWindow = requests;
            this.rateLimitWindow = requirePositive(window, "window");
            return this;
        }

        /**
         * Sets the longest a request waits for the budget or a rate-limit pause; beyond it the request fails with
         * kind {@code RATE_LIMITED}. Default 2 minutes.
         */
        public Builder maxRateLimitWait(Duration wait) {
            this.maxRateLimitWait = requirePositive(wait, "maxRateLimitWait");
            return this;
        }

        /** Sets how many pages one list call reads at most; default 10. */
        public Builder maxPages(int pages) {
            this.maxPages = requirePageCap(pages);
            return this;
        }

        /** Sets the retry policy; default {@link RetryPolicy#defaults()}. */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
            return this;
        }

        /**
         * Builds the client.
         *
         * @throws IllegalStateException when no token is set
         * @throws IllegalArgumentException when the base URL is not an http or https URL
         */
        public CircleCiClient build() {
            if (token == null) {
                throw new IllegalStateException("CircleCI token is not set; pass "
                        + "CircleCiToken.fromEnvironmentOrFile(...) to token(...) and set "
                        + CircleCiToken.ENVIRONMENT_VARIABLE + " or a token file");
            }
            return new CircleCiClient(this);
        }

        @Override
        public String toString() {
            return "CircleCiClient.Builder[baseUrl=" + baseUrl + ", token=" + (token == null ? "unset" : token)
                    + ", budget=" + requestsPerWindow + " per " + rateLimitWindow + ", maxPages=" + maxPages + "]";
        }

        private HttpUrl parsedBaseUrl() {
            HttpUrl url = HttpUrl.parse(baseUrl);
            if (url == null) {
                throw new IllegalArgumentException("Invalid CircleCI base URL '" + baseUrl
                        + "': expected an http or https URL such as " + DEFAULT_BASE_URL);
            }
            return url;
        }

        private OkHttpClient effectiveHttpClient() {
            if (httpClient == null) {
                return new OkHttpClient.Builder()
                        .connectTimeout(orDefault(connectTimeout, DEFAULT_CONNECT_TIMEOUT))
                        .readTimeout(orDefault(readTimeout, DEFAULT_READ_TIMEOUT))
                        .writeTimeout(orDefault(readTimeout, DEFAULT_READ_TIMEOUT))
                        .callTimeout(orDefault(callTimeout, DEFAULT_CALL_TIMEOUT))
                        .build();
            }
            if (connectTimeout == null && readTimeout == null && callTimeout == null) {
                return httpClient;
            }
            // newBuilder() shares the connection pool and dispatcher of the supplied client.
            OkHttpClient.Builder shared = httpClient.newBuilder();
            if (connectTimeout != null) {
                shared.connectTimeout(connectTimeout);
            }
            if (readTimeout != null) {
                shared.readTimeout(readTimeout).writeTimeout(readTimeout);
            }
            if (callTimeout != null) {
                shared.callTimeout(callTimeout);
            }
            return shared.build();
        }

        private static Duration orDefault(Duration value, Duration fallback) {
            return value != null ? value : fallback;
        }

        private static Duration requirePositive(Duration value, String name) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + value);
            }
            return value;
        }
    }
}
