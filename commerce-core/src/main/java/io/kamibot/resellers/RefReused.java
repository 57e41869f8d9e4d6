package io.kamibot.resellers;

/** The reseller's reference names an earlier bulk order of another product or quantity. */
public class RefReused extends RuntimeException {

	private final String ref;
	private final String orderNo;

	RefReused(String ref, String orderNo) {
		super("Reference " + ref + " is order " + orderNo + ", for another product or quantity");
		this.ref = ref;
		this.orderNo = orderNo;
	}

	public String ref() {
		return ref;
	}

	public String orderNo() {
		return orderNo;
	}
}
