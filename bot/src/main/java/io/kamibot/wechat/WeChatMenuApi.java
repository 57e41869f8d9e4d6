package io.kamibot.wechat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.kamibot.templates.Text;
import io.kamibot.templates.Texts;
import me.chanjar.weixin.common.bean.menu.WxMenu;
import me.chanjar.weixin.common.bean.menu.WxMenuButton;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Installs the Official Account's bottom menu: Products, My orders and Help, each a {@code CLICK} button whose key is
 * the command it stands for, so a tap works like typing it. On demand, not at start: it replaces whatever menu the
 * account has, which the owner may have made by hand. Behind the admin token, like every {@code /api/admin} path.
 */
@RestController
@OnWeChat
class WeChatMenuApi {

	/** WeChat's limit for a top-level button's name. */
	private static final int MAX_NAME_BYTES = 16;

	private final WxMpService api;
	private final Texts texts;

	WeChatMenuApi(WxMpService api, Texts texts) {
		this.api = api;
		this.texts = texts;
	}

	/** One installed button: what the buyer sees, and the command a tap sends. */
	record MenuButton(String name, String key) {
	}

	@PutMapping("/api/admin/wechat/menu")
	List<MenuButton> install() {
		Locale locale = Texts.supported(null);
		List<MenuButton> buttons = List.of(button(locale, Text.WECHAT_MENU_CATALOG, "/catalog"),
				button(locale, Text.WECHAT_MENU_ORDERS, "/orders"), button(locale, Text.WECHAT_MENU_HELP, "/help"));
		WxMenu menu = new WxMenu();
		List<WxMenuButton> items = new ArrayList<>();
		for (MenuButton button : buttons) {
			WxMenuButton item = new WxMenuButton();
			item.setType("click");
			item.setName(button.name());
			item.setKey(button.key());
			items.add(item);
		}
		menu.setButtons(items);
		try {
			api.getMenuService().menuCreate(menu);
		}
		catch (WxErrorException e) {
			throw new ResponseStatusException(HttpStatus.BAD_GATEWAY,
					"WeChat refused the menu: " + e.getError().getErrorCode() + " " + e.getError().getErrorMsg());
		}
		return buttons;
	}

	private MenuButton button(Locale locale, Text name, String command) {
		String label = texts.render(locale, name);
		if (label.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
			throw new IllegalStateException("The menu text " + name + " is longer than WeChat's 16 bytes: " + label);
		}
		return new MenuButton(label, command);
	}
}
