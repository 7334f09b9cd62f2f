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
