package dev.cameljira.sandbox.servicenow;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The business rules of a stock incident table that a sync integration notices: defaults on insert, priority from
 * impact and urgency (priority = impact + urgency - 1, the stock lookup matrix), incident_state mirroring state,
 * resolved/closed stamps, active=false once Closed or Canceled, and reopening.
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
        return v;
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
