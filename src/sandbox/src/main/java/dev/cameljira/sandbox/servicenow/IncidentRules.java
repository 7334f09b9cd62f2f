package dev.cameljira.sandbox.servicenow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The business rules of a stock incident table that a sync integration notices: defaults on insert, priority from
 * impact and urgency (priority = impact + urgency - 1, the stock lookup matrix), incident_state mirroring state,
 * resolved/closed stamps, active=false once Closed or Canceled, and reopening; plus the stock data policy that makes
 * Resolution code (close_code) and Resolution notes (close_notes) mandatory while state is Resolved or Closed.
 */
final class IncidentRules {

    private IncidentRules() {
    }

    /** Completes the values of a new incident. */
    static Map<String, String> onInsert(Map<String, String> input, Set<String> sent, ServiceNowUser actor,
                                        String now, String number) {
        Map<String, String> v = new HashMap<>(input);
        v.putIfAbsent("number", number);
        if (v.get("number").isEmpty()) {
            v.put("number", number);
        }
        defaultTo(v, "state", "1");
        defaultTo(v, "impact", "3");
        defaultTo(v, "urgency", "3");
        if (sent.contains("impact") || sent.contains("urgency") || !v.containsKey("priority")) {
            v.put("priority", priority(v));
        }
        defaultTo(v, "opened_at", now);
        defaultTo(v, "opened_by", actor.sysId());
        v.put("incident_state", v.get("state"));
        v.put("reopen_count", "0");
        stampState(v, "", actor, now);
        checkDataPolicy(v);
        return v;
    }

    /** Applies the rules to an update: {@code merged} holds the old values overwritten by the new ones. */
    static Map<String, String> onUpdate(Row before, Map<String, String> merged, Set<String> sent,
                                        ServiceNowUser actor, String now) {
        Map<String, String> v = new HashMap<>(merged);
        if (sent.contains("impact") || sent.contains("urgency")) {
            v.put("priority", priority(v));
        }
        v.put("incident_state", v.get("state"));
        stampState(v, before.get("state"), actor, now);
        checkDataPolicy(v);
        return v;
    }

    /**
     * The data policy "close info mandatory when resolved or closed": a record whose state ends up Resolved (6) or
     * Closed (7) must have close_code and close_notes, given in the request or already stored. ServiceNow answers a
     * violation through the REST API with 403 {@code {"error": {"message": "Operation Failed", "detail": "Data Policy
     * Exception: \n\tThe following fields are mandatory: Resolution code, Resolution notes"}, "status": "failure"}}
     * and leaves the record (and its journal) unchanged.
     */
    private static void checkDataPolicy(Map<String, String> v) {
        int state = Integer.parseInt(v.get("state"));
        if (state != IncidentState.RESOLVED.value() && state != IncidentState.CLOSED.value()) {
            return;
        }
        List<String> missing = new ArrayList<>();
        if (v.getOrDefault("close_code", "").isBlank()) {
            missing.add("Resolution code");
        }
        if (v.getOrDefault("close_notes", "").isBlank()) {
            missing.add("Resolution notes");
        }
        if (!missing.isEmpty()) {
            throw new ApiException(403, "Operation Failed",
                    "Data Policy Exception: \n\tThe following fields are mandatory: " + String.join(", ", missing));
        }
    }

    private static void stampState(Map<String, String> v, String previousState, ServiceNowUser actor, String now) {
        int state = Integer.parseInt(v.get("state"));
        int previous = previousState.isEmpty() ? 0 : Integer.parseInt(previousState);
        if (state == IncidentState.RESOLVED.value() || state == IncidentState.CLOSED.value()) {
            defaultTo(v, "resolved_at", now);
            defaultTo(v, "resolved_by", actor.sysId());
        }
        if (state == IncidentState.CLOSED.value()) {
            defaultTo(v, "closed_at", now);
            defaultTo(v, "closed_by", actor.sysId());
        }
        boolean wasDone = previous == IncidentState.RESOLVED.value() || previous == IncidentState.CLOSED.value()
                || previous == IncidentState.CANCELED.value();
        boolean isOpen = state < IncidentState.RESOLVED.value();
        if (wasDone && isOpen) {
            v.put("resolved_at", "");
            v.put("resolved_by", "");
            v.put("closed_at", "");
            v.put("closed_by", "");
            v.put("reopen_count", String.valueOf(Integer.parseInt(v.getOrDefault("reopen_count", "0")) + 1));
        }
        v.put("active", String.valueOf(!IncidentState.of(state).map(IncidentState::isFinal).orElse(false)));
    }

    static String priority(Map<String, String> v) {
        int impact = Integer.parseInt(v.get("impact"));
        int urgency = Integer.parseInt(v.get("urgency"));
        return String.valueOf(Math.max(1, Math.min(5, impact + urgency - 1)));
    }

    private static void defaultTo(Map<String, String> v, String column, String value) {
        if (v.getOrDefault(column, "").isEmpty()) {
            v.put(column, value);
        }
    }
}
