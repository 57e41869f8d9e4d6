package io.kamibot.conversation;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.ProductDraft;
import io.kamibot.catalog.Sku;
import io.kamibot.ordering.OrderStatus;
import io.kamibot.ordering.Orders;
import io.kamibot.stock.Stock;
import io.kamibot.testing.Codes;
import io.kamibot.testing.CoreTest;
import io.kamibot.testing.Eventually;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The shop conversation as a web chat buyer has it, through the engine. */
@CoreTest
class ShoppingConversationTest {

	private static final AtomicInteger next = new AtomicInteger();

	@Autowired
	Conversation conversation;

	@Autowired
	Catalog catalog;

	@Autowired
	Stock stock;

	@Autowired
	Orders orders;

	private final String chat = "chat-" + next.incrementAndGet();

	@Test
	void startShowsTheMenuInChineseByDefault() {
		Reply welcome = say("/start").get(0);
		assertThat(welcome.text()).contains("欢迎");
		assertThat(welcome.buttons()).flatExtracting(row -> row).extracting(Button::data).contains("cat", "orders");
	}

	@Test
	void browsesPicksAQuantityPaysAndReceivesTheCodes() {
		Sku sku = product("月卡会员 · 超长的中文商品名称用来检验按钮数据不会超过六十四个字节的限制", 3);
		Reply catalogReply = press("cat").get(0);
		Button productButton = find(catalogReply, "p:" + sku);
		Reply page = press(productButton.data()).get(0);
		assertThat(page.text()).contains("3");
		Reply placed = press(find(page, "q:" + sku + ":2").data()).get(0);
		String orderNo = placed.text().replaceAll("(?s).*?(K\\d{6}[A-Z0-9]{8}).*", "$1");
		assertThat(orders.find(orderNo)).isPresent();

		List<Reply> paid = press(find(placed, "pay:sandbox:" + orderNo).data());

		assertThat(paid).isNotEmpty();
		Eventually.orderStatus(orders, orderNo, OrderStatus.DELIVERED);
		// The codes go to the chat's mailbox (sealed); the buyer sees them again through the order's button.
		Reply codes = press("c:" + orderNo).get(0);
		assertThat(codes.codes()).as("two of the codes imported, each once").hasSize(2).doesNotHaveDuplicates()
			.isSubsetOf(Codes.lines(sku.value(), 3).lines().toList());
		assertThat(codes.text()).contains(codes.codes());
		assertThat(stock.levels(sku).sold()).isEqualTo(2);
	}

	@Test
	void buyCommandOffersTheSandboxAndCancelOnly() {
		Sku sku = product("Gift card", 2);
		Reply placed = say("/buy " + sku + " 1").get(0);
		List<String> buttons = placed.buttons().stream().flatMap(List::stream).map(Button::data).toList();
		assertThat(buttons).as("one way to pay, one to cancel").hasSize(2)
			.anyMatch(data -> data.startsWith("pay:sandbox:"))
			.anyMatch(data -> data.startsWith("x:"))
			.allMatch(data -> data.startsWith("pay:sandbox:") || data.startsWith("x:"));
	}

	@Test
	void explainsOutOfStockUnknownProductsAndBadQuantitiesWithoutPlacingOrders() {
		Sku sku = product("Scarce", 1);
		assertThat(say("/buy " + sku + " 2").get(0).text()).contains("库存不足");
		assertThat(say("/buy NOPE-" + sku + " 1").get(0).text()).contains("不存在");
		assertThat(say("/buy " + sku + " 0").get(0).text()).contains("1 到 10");
		assertThat(say("/buy " + sku + " many").get(0).text()).contains("/buy");
		assertThat(stock.levels(sku).reserved()).isZero();
	}

	@Test
	void answersUnknownInputWithHelp() {
		assertThat(say("hello?").get(0).text()).contains("/catalog");
		assertThat(say("/frobnicate").get(0).text()).contains("/catalog");
		assertThat(press("zz:1").get(0).text()).contains("/catalog");
	}

	@Test
	void switchesLanguage() {
		assertThat(say("/lang en").get(0).text()).isEqualTo("Language changed to English.");
		assertThat(say("/start").get(0).text()).startsWith("Welcome");
		assertThat(say("/lang zh").get(0).text()).contains("中文");
	}

	@Test
	void cancelsAnUnpaidOrderAndRefusesToCancelTwice() {
		Sku sku = product("Cancellable", 1);
		Reply placed = say("/buy " + sku + " 1").get(0);
		String cancel = placed.buttons().get(placed.buttons().size() - 1).get(0).data();
		assertThat(press(cancel).get(0).text()).contains("已取消");
		assertThat(press(cancel).get(0).text()).contains("无法取消");
		assertThat(stock.levels(sku).available()).isEqualTo(1);
	}

	@Test
	void ordersListOffersTheCodesAgain() {
		Sku sku = product("Again", 1);
		Reply placed = say("/buy " + sku + " 1").get(0);
		press(placed.buttons().get(0).get(0).data());
		Eventually.orderStatus(orders, placed.text().replaceAll("(?s).*?(K\\d{6}[A-Z0-9]{8}).*", "$1"),
				OrderStatus.DELIVERED);
		Reply history = say("/orders").get(0);
		Button show = history.buttons().get(0).get(0);
		assertThat(show.data()).startsWith("c:");
		Reply codes = press(show.data()).get(0);
		assertThat(codes.codes()).hasSize(1);
		assertThat(codes.text()).contains(codes.codes().get(0));
	}

	@Test
	void deepLinkOpensTheProduct() {
		Sku sku = product("Linked", 1);
		assertThat(say("/start p_" + sku).get(0).text()).contains("Linked");
		assertThat(say("/start p_***").get(0).text()).contains("欢迎");
	}

	private Sku product(String title, int codes) {
		Sku sku = new Sku("CHAT-" + next.incrementAndGet());
		catalog.save(sku, new ProductDraft(title.length() > 64 ? title.substring(0, 64) : title, "desc", null, 1500L,
				null, true, 10, 0));
		stock.importCodes(sku, Codes.stream(Codes.lines(sku.value(), codes)), "test");
		return sku;
	}

	private List<Reply> say(String text) {
		return conversation.handle(Inbound.message("webchat", chat, chat, text));
	}

	private List<Reply> press(String data) {
		return conversation.handle(Inbound.button("webchat", chat, chat, data));
	}

	private static Button find(Reply reply, String data) {
		return reply.buttons().stream().flatMap(List::stream).filter(b -> b.data().equals(data)).findFirst()
			.orElseThrow(() -> new AssertionError("No button " + data + " in " + reply.buttons()));
	}
}
