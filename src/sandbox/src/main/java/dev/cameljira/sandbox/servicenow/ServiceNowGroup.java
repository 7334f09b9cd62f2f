package dev.cameljira.sandbox.servicenow;

/**
 * A sys_user_group record (what an incident's assignment_group references).
 *
 * @param sysId 32-hex sys_id
 * @param name  display name, e.g. "Service Desk"
 */
public record ServiceNowGroup(String sysId, String name) {

    static ServiceNowGroup from(Row row) {
        return new ServiceNowGroup(row.sysId(), row.get("name"));
    }
}
