package io.kamibot.stock;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VoucherCodeTest {

	private final SecureRandom random = new SecureRandom();

	@Test
	void generatesGroupedCodesOfTheAlphabetWithoutLookAlikes() {
		String code = VoucherCode.generate(random, 16);

		assertThat(code).matches("[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}");
		assertThat(VoucherCode.ALPHABET).doesNotContain("0", "O", "1", "I", "L");
		assertThat(VoucherCode.valid(VoucherCode.normalise(code))).isTrue();
	}

	@Test
	void readsACodeTypedInLowerCaseWithSpacesOrWithoutDashes() {
		String code = VoucherCode.generate(random, 16);
		String plain = code.replace("-", "");

		assertThat(VoucherCode.normalise(" " + code.toLowerCase().replace("-", " ") + "\n")).isEqualTo(plain);
		assertThat(VoucherCode.normalise(plain)).isEqualTo(plain);
		assertThat(VoucherCode.group(plain)).isEqualTo(code);
	}

	@Test
	void catchesEverySingleMistypedCharacter() {
		for (int n = 0; n < 50; n++) {
			String code = VoucherCode.normalise(VoucherCode.generate(random, 16));
			for (int i = 0; i < code.length(); i++) {
				for (char c : VoucherCode.ALPHABET.toCharArray()) {
					if (c != code.charAt(i)) {
						String typo = code.substring(0, i) + c + code.substring(i + 1);
						assertThat(VoucherCode.valid(typo)).as(typo).isFalse();
					}
				}
			}
		}
	}

	@Test
	void catchesEverySwapOfTwoDifferentCharacters() {
		for (int n = 0; n < 50; n++) {
			String code = VoucherCode.normalise(VoucherCode.generate(random, 20));
			for (int i = 0; i < code.length(); i++) {
				for (int j = i + 1; j < code.length(); j++) {
					if (code.charAt(i) != code.charAt(j)) {
						char[] swapped = code.toCharArray();
						swapped[i] = code.charAt(j);
						swapped[j] = code.charAt(i);
						assertThat(VoucherCode.valid(new String(swapped))).isFalse();
					}
				}
			}
		}
	}

	@Test
	void refusesLookAlikesWrongLengthsAndEmptyInput() {
		String code = VoucherCode.normalise(VoucherCode.generate(random, 16));

		assertThat(VoucherCode.valid(code.substring(0, 15) + "O")).isFalse();
		assertThat(VoucherCode.valid(code.substring(1))).isFalse();
		assertThat(VoucherCode.valid(VoucherCode.normalise(null))).isFalse();
		assertThat(VoucherCode.valid("2222222")).isFalse();
		assertThatThrownBy(() -> VoucherCode.generate(random, 7)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> VoucherCode.generate(random, 31)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void codesDoNotRepeat() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 100_000; i++) {
			assertThat(seen.add(VoucherCode.generate(random, 16))).isTrue();
		}
	}
}
