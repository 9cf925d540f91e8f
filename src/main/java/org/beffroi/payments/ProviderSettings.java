package org.beffroi.payments;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import lombok.RequiredArgsConstructor;

import org.beffroi.platform.AuditLog;
import org.beffroi.platform.Text;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current values of the providers' settings: the one an administrator set in the back office
 * ({@code payments_provider_setting}), else the deployment's (the property of the setting's key). Read at each use, so
 * that a change reaches every node at once. Changes are written to the audit log by key, never with their value.
 */
@Service
@RequiredArgsConstructor
public class ProviderSettings {

    /** The longest value a setting holds. */
    public static final int MAX_LENGTH = 500;

    private final JdbcClient jdbc;
    private final Environment environment;
    private final AuditLog audit;
    private final Clock clock;

    /** The setting's current value: the back office's, else the deployment's; empty when neither gives one. */
    public Optional<String> value(String provider, String key) {
        return stored(provider, key).or(() -> Optional.ofNullable(Text.blankToNull(environment.getProperty(key))));
    }

    /** Whether the back office set this value (else it is the deployment's, if any). */
    public boolean setHere(String provider, String key) {
        return stored(provider, key).isPresent();
    }

    /**
     * Applies what an administrator typed for the provider's declared settings: a value other than the current one
     * replaces it;
     * left empty, a secret keeps its value and any other setting goes back to the deployment's. Nothing is written
     * when any value is refused: the answer then names each refused key with the message key of its reason.
     */
    @Transactional
    public Map<String, String> change(PaymentProvider provider, Map<String, String> typed) {
        var refused = new LinkedHashMap<String, String>();
        var changes = new LinkedHashMap<String, String>();
        for (var setting : provider.settings()) {
            String value = typed.getOrDefault(setting.key(), "").strip();
            if (value.isEmpty()) {
                if (!setting.secret() && setHere(provider.id(), setting.key())) {
                    changes.put(setting.key(), null);
                }
                continue;
            }
            if (value.length() > MAX_LENGTH || value.contains("\n") || value.contains("\r")
                    || Text.hasControlCharacters(value)) {
                refused.put(setting.key(), "payments.settings.invalid");
            } else if (setting.format() != null && !Pattern.matches(setting.format(), value)) {
                refused.put(setting.key(), "payments.settings.format." + provider.id() + "." + keyName(setting));
            } else if (!value.equals(value(provider.id(), setting.key()).orElse(null))) { // the same value: nothing to change
                changes.put(setting.key(), value);
            }
        }
        if (!refused.isEmpty() || changes.isEmpty()) {
            return refused;
        }
        var now = OffsetDateTime.now(clock);
        changes.forEach((key, value) -> {
            jdbc.sql("delete from payments_provider_setting where provider = ? and setting_key = ?")
                    .params(provider.id(), key).update();
            if (value != null) {
                jdbc.sql("""
                        insert into payments_provider_setting (provider, setting_key, setting_value, changed_at)
                        values (?, ?, ?, ?)""").params(provider.id(), key, value, now).update();
            }
        });
        audit.record("payments.provider-settings-changed", "payments-provider:" + provider.id(),
                String.join(", ", List.copyOf(changes.keySet())));
        return refused;
    }

    /** The last part of a setting's key ({@code client-number} of {@code beffroi.payments.payfip.client-number}). */
    public static String keyName(PaymentProvider.Setting setting) {
        return setting.key().substring(setting.key().lastIndexOf('.') + 1);
    }

    private Optional<String> stored(String provider, String key) {
        return jdbc.sql("select setting_value from payments_provider_setting where provider = ? and setting_key = ?")
                .params(provider, key).query(String.class).optional();
    }
}
