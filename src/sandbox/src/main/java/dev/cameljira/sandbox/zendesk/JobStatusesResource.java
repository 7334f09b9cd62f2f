package dev.cameljira.sandbox.zendesk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cameljira.sandbox.http.ApiRequest;
import dev.cameljira.sandbox.http.ApiResponse;
import dev.cameljira.sandbox.http.Json;
import dev.cameljira.sandbox.http.Router;
import java.util.Arrays;
import java.util.Optional;

/**
 * {@code /api/v2/job_statuses}: list (newest first, cursor or offset paging), {@code show_many?ids=a,b} and show
 * ({@code {"job_status": {id, url, total, progress, status, message, results}}}; an unknown id is a 404
 * RecordNotFound). See {@link JobStatuses}.
 */
final class JobStatusesResource {
    private final JobStatuses jobs;

    JobStatusesResource(JobStatuses jobs) {
        this.jobs = jobs;
    }

    void register(Router router) {
        router.add("GET", "/api/v2/job_statuses", this::list)
                .add("GET", "/api/v2/job_statuses/show_many", this::showMany)
                .add("GET", "/api/v2/job_statuses/{id:[0-9A-Za-z]{1,64}}", this::show);
    }

    private ApiResponse list(ApiRequest request) {
        return ApiResponse.ok(Paging.page(request, "job_statuses", jobs.all(), JobStatuses.Job::sequence,
                job -> JobStatuses.finished(job, request.baseUrl())));
    }

    private ApiResponse showMany(ApiRequest request) {
        String ids = request.queryValue("ids").orElseThrow(() -> ApiException.badRequest("ids is required"));
        ObjectNode result = Json.object();
        ArrayNode array = result.putArray("job_statuses");
        Arrays.stream(ids.split(",")).map(String::trim).map(jobs::get).flatMap(Optional::stream)
                .forEach(job -> array.add(JobStatuses.finished(job, request.baseUrl())));
        return ApiResponse.ok(result);
    }

    private ApiResponse show(ApiRequest request) {
        JobStatuses.Job job = jobs.get(request.param("id")).orElseThrow(ApiException::notFound);
        ObjectNode result = Json.object();
        result.set("job_status", JobStatuses.finished(job, request.baseUrl()));
        return ApiResponse.ok(result);
    }
}
