package dev.cameljira.sandbox.servicenow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a field path on a record, dot-walking through references ({@code caller_id.user_name}), and computes
 * display values: choice labels, the referenced record's display column, journal text.
 */
final class FieldResolver {

    /**
     * A resolved field.
     *
     * @param column the last column of the path
     * @param holder the record that holds it (null when a reference on the way is empty or dangling)
     * @param raw    the stored value ("" when the holder is null)
     */
    record Resolved(Column column, Row holder, String raw) {
    }

    private final ServiceNowStore store;

    FieldResolver(ServiceNowStore store) {
        this.store = store;
    }

    /** The columns of a path, or empty when a segment is not a column (or dot-walks through a non-reference). */
    static Optional<List<Column>> columns(TableSchema schema, String path) {
        List<Column> columns = new ArrayList<>();
        TableSchema current = schema;
        String[] segments = path.split("\\.", -1);
        for (int i = 0; i < segments.length; i++) {
            Optional<Column> column = current == null ? Optional.empty() : current.column(segments[i]);
            if (column.isEmpty()) {
                return Optional.empty();
            }
            columns.add(column.get());
            if (i < segments.length - 1) {
                if (column.get().type() != ColumnType.REFERENCE) {
                    return Optional.empty();
                }
                current = Tables.byName(column.get().referenceTable()).orElse(null);
            }
        }
        return Optional.of(columns);
    }

    Resolved resolve(Row row, List<Column> path) {
        Row holder = row;
        for (int i = 0; i < path.size() - 1; i++) {
            String ref = holder.get(path.get(i).name());
            holder = ref.isEmpty() ? null : store.row(path.get(i).referenceTable(), ref).orElse(null);
            if (holder == null) {
                return new Resolved(path.get(path.size() - 1), null, "");
            }
        }
        Column last = path.get(path.size() - 1);
        return new Resolved(last, holder, isJournal(last) ? "" : holder.get(last.name()));
    }

    /** The display value of a resolved field. */
    String display(Resolved r) {
        Column c = r.column();
        if (r.holder() == null) {
            return "";
        }
        return switch (c.type()) {
            case CHOICE -> c.choices().getOrDefault(r.raw(), r.raw());
            case REFERENCE -> referenceDisplay(c, r.raw());
            case JOURNAL -> JournalText.render(store.journal(r.holder().sysId()), List.of(c.name()), this::userName);
            case JOURNAL_LIST -> JournalText.render(store.journal(r.holder().sysId()), c.journals(), this::userName);
            default -> r.raw();
        };
    }

    String referenceDisplay(Column reference, String sysId) {
        if (sysId.isEmpty()) {
            return "";
        }
        TableSchema target = Tables.byName(reference.referenceTable()).orElseThrow();
        return store.row(target.name(), sysId).map(row -> row.get(target.displayColumn())).orElse("");
    }

    /** The sys_id a reference input stands for: a sys_id of the target table, or a display value / user name. */
    Optional<String> referenceSysId(Column reference, String input) {
        TableSchema target = Tables.byName(reference.referenceTable()).orElseThrow();
        if (store.row(target.name(), input).isPresent()) {
            return Optional.of(input);
        }
        return store.rows(target.name()).stream()
                .filter(row -> row.get(target.displayColumn()).equals(input) || row.get("user_name").equals(input))
                .map(Row::sysId).findFirst();
    }

    private String userName(String userName) {
        return store.userByName(userName).map(ServiceNowUser::name).orElse(userName);
    }

    static boolean isJournal(Column column) {
        return column.type() == ColumnType.JOURNAL || column.type() == ColumnType.JOURNAL_LIST;
    }
}
