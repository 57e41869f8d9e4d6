package io.kamibot.embedded;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/** A start refused for settings reads as one short report naming them; other failures are left to Boot. */
class MissingSettingsTest {

	private final MissingSettings analyzer = new MissingSettings();

	@Test
	void namesTheSettingsOfARefusedStart() {
		IllegalStateException refused = new IllegalStateException(
				"Alipay is on (KAMIBOT_ALIPAY_APP_ID is set) but these settings are missing: KAMIBOT_ALIPAY_SELLER_ID");
		FailureAnalysis analysis = analyzer.analyze(new BeanCreationException("payments", "nested",
				new BeanCreationException("alipayAccount", "factory method threw", refused)));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).isEqualTo(refused.getMessage());
		assertThat(analysis.getAction()).contains("environment variables");
	}

	@Test
	void leavesOtherFailuresAlone() {
		assertThat(analyzer.analyze(new BeanCreationException("x", "y", new IllegalStateException("port in use"))))
			.isNull();
		assertThat(analyzer.analyze(new IllegalArgumentException("KAMIBOT_X"))).isNull();
	}
}
