package dev.sema.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the audit trail says about a key's settings: every field that differs between two versions, as
 * {@code field: before → after} ({@code -} for none). Settings hold no secret, so nothing here can leak one.
 */
final class SettingsChanges {

    private record Field(String name, Function<KeySettings, Object> value) {
    }

    private static final List<Field> FIELDS = List.of(
            new Field("name", KeySettings::name),
            new Field("enabled", KeySettings::enabled),
            new Field("expires_at", KeySettings::expiresAt),
            new Field("scopes", s -> s.scopes() == null ? "default" : String.join(" ", s.scopes().stream().sorted()
                    .map(Scope::code).toList())),
            new Field("allowed_ips", s -> s.allowedIps().isEmpty() ? null : String.join(" ", s.allowedIps())),
            new Field("require_signature", s -> s.requireSignature() ? true : null),
            new Field("requests_per_minute", s -> s.limits().requestsPerMinute()),
            new Field("requests_per_hour", s -> s.limits().requestsPerHour()),
            new Field("characters_per_day", s -> s.limits().charactersPerDay()),
            new Field("characters_per_month", s -> s.limits().charactersPerMonth()));

    private SettingsChanges() {
    }

    /** @param before null for a new key: every field that is set */
    static String between(KeySettings before, KeySettings after) {
        List<String> changes = new ArrayList<>();
        for (Field field : FIELDS) {
            Object old = before == null ? null : field.value().apply(before);
            Object now = field.value().apply(after);
            if (!Objects.equals(old, now)) {
                changes.add(field.name() + ": " + (old == null ? "-" : old) + " → " + (now == null ? "-" : now));
            }
        }
        return String.join("; ", changes);
    }
}
