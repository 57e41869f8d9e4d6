package io.kamibot.counter;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** Reads the text of a QR code in a photo, such as a buyer shows at the counter. */
public final class QrImages {

	private QrImages() {
	}

	/** @return the QR code's text, or empty when the image is no picture or holds no readable QR code */
	public static Optional<String> read(byte[] image) {
		BufferedImage picture;
		try {
			picture = ImageIO.read(new ByteArrayInputStream(image));
		}
		catch (IOException e) {
			return Optional.empty();
		}
		if (picture == null) {
			return Optional.empty();
		}
		int[] pixels = picture.getRGB(0, 0, picture.getWidth(), picture.getHeight(), null, 0, picture.getWidth());
		BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
				new RGBLuminanceSource(picture.getWidth(), picture.getHeight(), pixels)));
		try {
			return Optional.of(new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
				.getText());
		}
		catch (ReaderException e) {
			return Optional.empty();
		}
	}
}
