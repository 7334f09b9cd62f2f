package dev.cameljira.routes;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.cameljira.routes.engine.SyncEvent;
import dev.cameljira.routes.servicenow.ServiceNowEvents;
import dev.cameljira.routes.servicenow.ServiceNowSide;

/** The ServiceNow poll: incidents updated since the cursor, oldest first, page by page. */
final class ServiceNowPolling {
    private static final int PAGE = 500;
    private static final int MAX = 20_000;

    private ServiceNowPolling() {
    }

    /** Files attached since {@code from}: attaching does not touch the incident's sys_updated_on. */
    static void fetchAttachments(ServiceNowSide side, Instant from, List<SyncEvent> out) {
        String since = ServiceNowSide.GLIDE.format(from.atOffset(ZoneOffset.UTC));
        java.util.Set<String> incidents = new java.util.LinkedHashSet<>();
        java.util.Map<String, Instant> created = new java.util.HashMap<>();
        for (Map<String, Object> a : side.rows("sys_attachment", "table_name=incident^sys_created_on>=" + since
                + "^ORDERBYsys_created_on", "sys_id,table_sys_id,sys_created_on", PAGE)) {
            Object id = a.get("table_sys_id");
            if (id != null) {
                incidents.add(String.valueOf(id));
                created.put(String.valueOf(id), ServiceNowSide.time(String.valueOf(a.get("sys_created_on"))));
            }
        }
        for (String sysId : incidents) {
            side.read(sysId).ifPresent(r -> out.add(new SyncEvent(SyncEvent.Origin.OTHER, SyncEvent.Kind.CHANGED,
                    r.number(), r.number() + "@attachment", SyncEvent.Source.POLL, created.get(sysId), List.of(), null,
                    null, null, created.get(sysId))));
        }
    }

    static void fetch(ServiceNowSide side, Instant from, List<SyncEvent> out) {
        String since = ServiceNowSide.GLIDE.format(from.atOffset(ZoneOffset.UTC));
        int offset = 0;
        while (offset < MAX) {
            List<Map<String, Object>> rows = side.page("sys_updated_on>=" + since + "^ORDERBYsys_updated_on^ORDERBYnumber",
                    "sys_id,number,sys_updated_on,sys_mod_count", PAGE, offset);
            for (Map<String, Object> row : rows) {
                out.add(ServiceNowEvents.of(row));
            }
            if (rows.size() < PAGE) {
                return;
            }
            offset += rows.size();
        }
    }
}
