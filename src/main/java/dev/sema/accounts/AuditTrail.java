package dev.sema.accounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code audit_events} table: appended (alone, or inside the transaction of the action it records, so that an
 * action and its row commit together), read in pages, and emptied only of rows older than the retention.
 */
public final class AuditTrail {

    private static final String COLUMNS = "id, occurred_at, actor, action, target, request_id, client_address,"
            + " outcome, details";

    private final AccountsDatabase db;
    private final Clock clock;

    AuditTrail(AccountsDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
    }

    /** @throws AccountsUnavailableException when the database cannot be used */
    public void append(AuditEvent event) {
        db.transaction(c -> {
            insert(c, event);
            return null;
        }, () -> { });
    }

    /** Appends inside the caller's transaction. */
    static void insert(Connection c, AuditEvent e) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_events (occurred_at, actor, action,"
                + " target, request_id, client_address, outcome, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, e.at());
            insert.setString(2, cut(e.actor(), 200));
            insert.setString(3, e.action());
            insert.setString(4, cut(e.target(), 400));
            insert.setString(5, cut(e.requestId(), 128));
            insert.setString(6, cut(e.clientAddress(), 64));
            insert.setString(7, e.outcome().label());
            insert.setString(8, cut(e.details(), 4000));
            insert.executeUpdate();
        }
    }

    /** One page in id order: rows after the cursor that match, and the next cursor if more may follow. */
    public AuditPage page(AuditQuery q) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_events WHERE id > ?");
        List<Object> values = new ArrayList<>(List.of(q.after()));
        condition(sql, values, " AND occurred_at >= ?", q.from());
        condition(sql, values, " AND occurred_at < ?", q.to());
        condition(sql, values, " AND actor = ?", q.actor());
        condition(sql, values, " AND action = ?", q.action());
        sql.append(" ORDER BY id LIMIT ").append(q.limit() + 1);
        return db.read(c -> {
            try (PreparedStatement select = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < values.size(); i++) {
                    select.setObject(i + 1, values.get(i));
                }
                List<AuditEvent> events = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        events.add(event(rows));
                    }
                }
                boolean more = events.size() > q.limit();
                List<AuditEvent> page = more ? events.subList(0, q.limit()) : events;
                return new AuditPage(List.copyOf(page), more ? page.get(page.size() - 1).id() : null);
            }
        });
    }

    /**
     * Deletes rows older than {@code retention}; the only way rows ever leave.
     *
     * @return how many were deleted
     */
    public int sweep(Duration retention) {
        return db.transaction(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM audit_events WHERE occurred_at < ?")) {
                delete.setObject(1, now().minus(retention));
                return delete.executeUpdate();
            }
        }, () -> { });
    }

    private static void condition(StringBuilder sql, List<Object> values, String clause, Object value) {
        if (value != null) {
            sql.append(clause);
            values.add(value);
        }
    }

    private static AuditEvent event(ResultSet row) throws SQLException {
        return new AuditEvent(row.getLong("id"), row.getObject("occurred_at", OffsetDateTime.class),
                row.getString("actor"), row.getString("action"), row.getString("target"), row.getString("request_id"),
                row.getString("client_address"), AuditEvent.Outcome.of(row.getString("outcome")),
                row.getString("details"));
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
