package io.kamibot.alipay;

import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayClient;
import com.alipay.api.AlipayConfig;
import com.alipay.api.DefaultAlipayClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The official SDK's client for the shop's app: requests signed with RSA2, responses checked with Alipay's key. */
@Configuration(proxyBeanMethods = false)
@OnAlipay
@EnableConfigurationProperties(AlipaySettings.class)
class AlipayConfiguration {

	static final String CHARSET = "UTF-8";
	static final String SIGN_TYPE = "RSA2";
	private static final int TIMEOUT_MILLIS = 10_000;

	@Bean
	AlipayAccount alipayAccount(AlipaySettings settings) {
		return AlipayAccount.of(settings);
	}

	@Bean
	AlipayClient alipayClient(AlipayAccount account) throws AlipayApiException {
		AlipayConfig config = new AlipayConfig();
		config.setServerUrl(account.gatewayUrl().toString());
		config.setAppId(account.appId());
		config.setPrivateKey(account.privateKeyBase64());
		config.setAlipayPublicKey(account.alipayKeyBase64());
		config.setFormat("json");
		config.setCharset(CHARSET);
		config.setSignType(SIGN_TYPE);
		config.setConnectTimeout(TIMEOUT_MILLIS);
		config.setReadTimeout(TIMEOUT_MILLIS);
		return new DefaultAlipayClient(config);
	}
}
