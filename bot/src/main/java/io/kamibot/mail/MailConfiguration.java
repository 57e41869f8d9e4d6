package io.kamibot.mail;

import java.util.Properties;

import io.kamibot.templates.Texts;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailSettings.class)
class MailConfiguration {

	@Bean
	@Conditional(OnMail.class)
	Mailer mailer(MailSettings settings, Texts texts) {
		settings.check();
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost(settings.host());
		sender.setPort(settings.port());
		sender.setUsername(settings.username());
		sender.setPassword(settings.password());
		sender.setDefaultEncoding("UTF-8");
		Properties properties = sender.getJavaMailProperties();
		properties.put("mail.smtp.auth", String.valueOf(settings.username() != null && !settings.username().isBlank()));
		properties.put("mail.smtp.starttls.enable", settings.starttls().toString());
		properties.put("mail.smtp.starttls.required", settings.starttls().toString());
		// A slow server must not hold a delivery thread for long: the event registry tries again.
		properties.put("mail.smtp.connectiontimeout", "10000");
		properties.put("mail.smtp.timeout", "20000");
		properties.put("mail.smtp.writetimeout", "20000");
		return new Mailer(sender, settings, texts);
	}
}
