package io.kamibot.stock;

/** Where a code is in its life. Each move is one conditional update naming the state it expects. */
enum StockStatus {

	/** On the shelf, may be reserved by an order. */
	AVAILABLE,

	/** Held for one unpaid order until it is paid, cancelled or expires. */
	RESERVED,

	/** Belongs to one paid order. */
	SOLD,

	/** Used at a partner (redeemed); terminal. */
	REDEEMED,

	/** Taken out of sale (expired, replaced, withdrawn); terminal. */
	VOID
}
