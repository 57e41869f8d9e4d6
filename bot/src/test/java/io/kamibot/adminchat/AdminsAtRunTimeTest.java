package io.kamibot.adminchat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.kamibot.admins.Admins;
import io.kamibot.audit.AuditLog;
import io.kamibot.catalog.Catalog;
import io.kamibot.catalog.ProductDraft;
import io.kamibot.catalog.Sku;
import io.kamibot.conversation.Conversation;
import io.kamibot.conversation.Inbound;
import io.kamibot.conversation.Reply;
import io.kamibot.customer.ChannelIdentity;
import io.kamibot.stock.Stock;
import io.kamibot.testing.Codes;
import io.kamibot.testing.CoreTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admins added and removed at run time (as the admin API does) gain and lose admin commands and alert buttons at
 * once, on Telegram and on WeChat, through the conversation engine every channel uses.
 */
@CoreTest
class AdminsAtRunTimeTest {

	private static final AtomicInteger next = new AtomicInteger();

	@Autowired
	Conversation conversation;

	@Autowired
	Admins admins;

	@Autowired
	Catalog catalog;

	@Autowired
	Stock stock;

	@Autowired
	AuditLog audit;

	@Test
	void aTelegramAdminAddedByApiPausesAndPressesButtonsUntilRemoved() {
		Sku sku = product();
		ChannelIdentity user = new ChannelIdentity("telegram", String.valueOf(61_000_000 + next.incrementAndGet()));

		say(user, "/pause " + sku);
		assertThat(press(user, "adm:PAUSE:" + sku).get(0).text()).contains("只有管理员");
		assertThat(active(sku)).isTrue();

		assertThat(admins.add(user, "admin-api")).isTrue();
		assertThat(say(user, "/pause " + sku).get(0).text()).contains(sku.value()).contains("已下架");
		assertThat(active(sku)).isFalse();
		assertThat(say(user, "/resume " + sku).get(0).text()).contains("已重新上架");
		assertThat(press(user, "adm:PAUSE:" + sku).get(0).text()).contains("已下架");
		assertThat(active(sku)).isFalse();
		say(user, "/resume " + sku);
		assertThat(active(sku)).isTrue();

		assertThat(admins.remove(user, "admin-api")).isTrue();
		assertThat(press(user, "adm:PAUSE:" + sku).get(0).text()).contains("只有管理员");
		assertThat(say(user, "/pause " + sku).get(0).text()).doesNotContain("已下架");
		assertThat(active(sku)).isTrue();
		assertThat(audit.read("product.pause", sku.value(), null, 10)).hasSize(2)
			.allSatisfy(entry -> assertThat(entry.actor()).isEqualTo(user.toString()));
	}

	@Test
	void aWeChatAdminAddedByApiReadsStockUntilRemoved() {
		Sku sku = product();
		ChannelIdentity user = new ChannelIdentity("wechat", "oRunTimeAdmin" + next.incrementAndGet() + "_abcdefghijk");

		assertThat(say(user, "/stock").get(0).text()).doesNotContain(sku.value());
		admins.add(user, "admin-api");
		assertThat(say(user, "/stock").get(0).text()).contains("库存").contains(sku.value());
		admins.remove(user, "admin-api");
		assertThat(say(user, "/stock").get(0).text()).doesNotContain(sku.value());
	}

	private Sku product() {
		Sku sku = new Sku("RUNADM-" + next.incrementAndGet());
		catalog.save(sku, new ProductDraft("Run-time admin", "desc", null, 1000L, null, true, 10, 0));
		stock.importCodes(sku, Codes.stream(Codes.lines(sku.value(), 2)), "test");
		return sku;
	}

	private boolean active(Sku sku) {
		return catalog.get(sku).active();
	}

	private List<Reply> say(ChannelIdentity user, String text) {
		return conversation.handle(Inbound.message(user.channel(), user.userId(), user.userId(), text));
	}

	private List<Reply> press(ChannelIdentity user, String data) {
		return conversation.handle(Inbound.button(user.channel(), user.userId(), user.userId(), data));
	}
}
