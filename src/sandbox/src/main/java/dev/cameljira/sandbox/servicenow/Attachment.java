package dev.cameljira.sandbox.servicenow;

import java.time.Instant;

/**
 * A file attached to a record (a sys_attachment row), without its bytes: read those with
 * {@link ServiceNowEmulator#attachmentContent(String)}.
 *
 * @param sysId          the attachment's sys_id
 * @param tableName      the table of the record it is attached to ("incident")
 * @param tableSysId     the sys_id of that record
 * @param fileName       file name as uploaded
 * @param contentType    content type as uploaded
 * @param sizeBytes      size of the file
 * @param sizeCompressed size once gzipped (ServiceNow stores attachments compressed)
 * @param createdOn      sys_created_on
 * @param createdBy      sys_created_by (user name)
 */
public record Attachment(String sysId, String tableName, String tableSysId, String fileName, String contentType,
                         long sizeBytes, long sizeCompressed, Instant createdOn, String createdBy) {

    static Attachment from(Row row) {
        return new Attachment(row.sysId(), row.get("table_name"), row.get("table_sys_id"), row.get("file_name"),
                row.get("content_type"), Long.parseLong(row.get("size_bytes")),
                Long.parseLong(row.get("size_compressed")), GlideTime.parse(row.get("sys_created_on")),
                row.get("sys_created_by"));
    }
}
