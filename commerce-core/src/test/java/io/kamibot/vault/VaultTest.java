package io.kamibot.vault;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VaultTest {

	private final String key = Vault.newKey();

	@Test
	void opensWhatItSealed() {
		Vault vault = new Vault(new VaultSettings(key, null, null));
		Sealed sealed = vault.seal("STEAM-ABCD-1234");
		assertThat(vault.open(sealed)).isEqualTo("STEAM-ABCD-1234");
		assertThat(new String(sealed.data())).doesNotContain("STEAM");
	}

	@Test
	void sealsTheSameSecretDifferentlyEachTime() {
		Vault vault = new Vault(new VaultSettings(key, null, null));
		assertThat(vault.seal("X").data()).isNotEqualTo(vault.seal("X").data());
	}

	@Test
	void opensSecretsSealedWithAPreviousKeyAfterRotation() {
		Sealed old = new Vault(new VaultSettings(key, null, null)).seal("OLD-CODE");
		String lookup = Vault.newKey();
		Vault rotated = new Vault(new VaultSettings(Vault.newKey(), List.of(key), lookup));
		assertThat(rotated.open(old)).isEqualTo("OLD-CODE");
		assertThat(rotated.seal("NEW").keyId()).isNotEqualTo(old.keyId());
	}

	@Test
	void fingerprintsAreStableAndKeyed() {
		Vault vault = new Vault(new VaultSettings(key, null, null));
		Vault other = new Vault(new VaultSettings(Vault.newKey(), null, null));
		assertThat(vault.fingerprint("A")).isEqualTo(vault.fingerprint("A")).isNotEqualTo(vault.fingerprint("B"));
		assertThat(other.fingerprint("A")).isNotEqualTo(vault.fingerprint("A"));
	}

	@Test
	void refusesTamperedCiphertextWithoutSayingWhatItHeld() {
		Vault vault = new Vault(new VaultSettings(key, null, null));
		Sealed sealed = vault.seal("SECRET-9");
		sealed.data()[sealed.data().length - 1] ^= 1;
		assertThatThrownBy(() -> vault.open(sealed)).hasMessageNotContaining("SECRET-9");
	}

	@Test
	void issuesSigningKeysWhoseSecretIsKeptOnlySealed() {
		Vault vault = new Vault(new VaultSettings(key, null, null));
		SigningKey first = vault.newSigningKey("kx_");
		SigningKey second = vault.newSigningKey("kx_");

		assertThat(first.keyId()).matches("kx_[0-9a-f]{20}").isNotEqualTo(second.keyId());
		assertThat(first.secret()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(second.secret());
		assertThat(vault.open(first.sealed())).isEqualTo(first.secret());
		assertThat(first.toString()).doesNotContain(first.secret());
	}

	@Test
	void refusesKeysThatAreNot32Bytes() {
		assertThatThrownBy(() -> new Vault(new VaultSettings("c2hvcnQ=", null, null)))
			.hasMessageContaining("32 bytes");
		assertThatThrownBy(() -> new Vault(new VaultSettings(null, null, null))).hasMessageContaining("KAMIBOT_SECRETS_KEY");
	}
}
