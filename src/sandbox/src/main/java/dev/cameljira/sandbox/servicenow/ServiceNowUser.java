package dev.cameljira.sandbox.servicenow;

/**
 * A sys_user record. Passwords are kept elsewhere and never appear here.
 *
 * @param sysId    32-hex sys_id
 * @param userName login name (user_name)
 * @param name     display name
 * @param email    e-mail
 * @param active   whether the account is active
 */
public record ServiceNowUser(String sysId, String userName, String name, String email, boolean active) {

    static ServiceNowUser from(Row row) {
        return new ServiceNowUser(row.sysId(), row.get("user_name"), row.get("name"), row.get("email"),
                Boolean.parseBoolean(row.get("active")));
    }
}
