package io.kamibot.wechatpay;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import com.github.binarywang.wxpay.config.WxPayConfig;
import com.github.binarywang.wxpay.service.WxPayService;
import com.github.binarywang.wxpay.service.impl.WxPayServiceApacheHttpImpl;
import com.github.binarywang.wxpay.v3.WxPayV3HttpClientBuilder;
import com.github.binarywang.wxpay.v3.auth.PublicCertificateVerifier;
import com.github.binarywang.wxpay.v3.auth.Verifier;
import com.github.binarywang.wxpay.v3.auth.WxPayValidator;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.DnsResolver;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.apache.http.impl.conn.SystemDefaultDnsResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Wires WxJava's pay client by hand in public-key mode: responses are verified with the configured platform public
 * key, so no platform certificate is ever downloaded.
 */
@Configuration(proxyBeanMethods = false)
@OnWeChatPay
@EnableConfigurationProperties(WeChatPaySettings.class)
class WeChatPayConfiguration {

	private static final Logger log = LoggerFactory.getLogger(WeChatPayConfiguration.class);

	@Bean
	Merchant weChatPayMerchant(WeChatPaySettings settings, Environment environment) {
		return Merchant.of(settings, environment.getProperty("kamibot.wechat.app-id"));
	}

	@Bean(destroyMethod = "shutdown")
	PoolingHttpClientConnectionManager weChatPayConnections(Merchant merchant) {
		PoolingHttpClientConnectionManager connections = new PoolingHttpClientConnectionManager(
				RegistryBuilder.<ConnectionSocketFactory>create()
					.register("http", PlainConnectionSocketFactory.getSocketFactory())
					.register("https", SSLConnectionSocketFactory.getSocketFactory())
					.build(),
				null, null, resolver(merchant), -1, TimeUnit.MILLISECONDS);
		connections.setMaxTotal(32);
		connections.setDefaultMaxPerRoute(32);
		return connections;
	}

	/** Resolves the API host to the configured address, when there is one; every other name as usual. */
	private static DnsResolver resolver(Merchant merchant) {
		if (merchant.apiHostAddress() == null) {
			return SystemDefaultDnsResolver.INSTANCE;
		}
		String host = merchant.apiUrl().getHost();
		return name -> host.equalsIgnoreCase(name) ? InetAddress.getAllByName(merchant.apiHostAddress())
				: SystemDefaultDnsResolver.INSTANCE.resolve(name);
	}

	@Bean
	WxPayService wxPayService(Merchant merchant, PoolingHttpClientConnectionManager connections) {
		WxPayConfig config = new WxPayConfig();
		config.setPayBaseUrl(merchant.apiUrl().toString());
		config.setMchId(merchant.mchId());
		config.setAppId(merchant.appId());
		config.setApiV3Key(new String(merchant.apiV3Key(), StandardCharsets.UTF_8));
		config.setCertSerialNo(merchant.merchantSerial());
		config.setPublicKeyId(merchant.platformKeyId());
		config.setNotifyUrl(merchant.notifyUrl());
		config.setPrivateKey(merchant.merchantKey());
		Verifier verifier = new PublicCertificateVerifier(merchant.platformKey(), merchant.platformKeyId());
		config.setVerifier(verifier);
		WxPayV3HttpClientBuilder client = WxPayV3HttpClientBuilder.create()
			.withMerchant(merchant.mchId(), merchant.merchantSerial(), merchant.merchantKey())
			.withValidator(new WxPayValidator(verifier));
		// WxJava 4.7.5.B closes the client after every request (binarywang/WxJava#3576); a shared pool survives it.
		client.setConnectionManager(connections);
		client.setConnectionManagerShared(true);
		config.setApiV3HttpClient(client.build());
		if (!merchant.signedHost()) {
			log.warn("KAMIBOT_WECHATPAY_API_URL {} is not under .mch.weixin.qq.com: WxJava will neither sign requests "
					+ "nor verify responses. Use WeChat Pay's host name with KAMIBOT_WECHATPAY_API_HOST_ADDRESS instead",
					merchant.apiUrl());
		}
		WxPayService service = new WxPayServiceApacheHttpImpl();
		service.setConfig(config);
		return service;
	}
}
