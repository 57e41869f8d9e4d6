package io.kamibot.vault;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys of the vault, each a Base64 encoded 32-byte key.
 *
 * @param key the active key: seals every new secret
 * @param previousKeys keys that sealed older secrets; kept only to open them
 * @param lookupKey the key of the keyed hash; must never change once codes exist (it de-duplicates them), so it
 *     defaults to a key derived from the first active key and is set explicitly when that key is rotated
 */
@ConfigurationProperties("kamibot.secrets")
public record VaultSettings(String key, List<String> previousKeys, String lookupKey) {

	public VaultSettings {
		previousKeys = previousKeys == null ? List.of() : List.copyOf(previousKeys);
	}
}
