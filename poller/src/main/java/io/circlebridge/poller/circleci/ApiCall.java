package io.circlebridge.poller.circleci;

/**
 * Method and path of one API request, used in logs and exceptions. The path never includes the query string.
 *
 * @param method HTTP method
 * @param path URL path
 * @param projectSlug project the request is about, named in the fix for a missing project; null for other requests
 */
record ApiCall(String method, String path, String projectSlug) {

    boolean changesState() {
        return !"GET".equals(method);
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
