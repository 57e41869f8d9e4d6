package io.kamibot.conversation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ButtonTest {

	@Test
	void refusesDataOverSixtyFourBytesCountingMultibyteCharacters() {
		new Button("ok", "x".repeat(64));
		assertThatThrownBy(() -> new Button("too long", "x".repeat(65))).isInstanceOf(IllegalArgumentException.class);
		// 22 Chinese characters are 66 bytes of UTF-8.
		assertThatThrownBy(() -> new Button("中文", "中".repeat(22))).isInstanceOf(IllegalArgumentException.class);
	}
}
