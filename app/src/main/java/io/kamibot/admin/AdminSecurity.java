package io.kamibot.admin;

import io.kamibot.vault.Vault;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Admin authentication through Spring Security: {@code /api/admin/**} needs {@code Authorization: Bearer <token>}
 * with the admin token, compared in constant time, before anything reads the body. So does the Prometheus scrape
 * ({@code /actuator/prometheus}: its numbers are the shop's business); health stays open for probes. It is the only filter chain,
 * so every other path (the pages, the web chat, the Telegram webhook, the WeChat callbacks and WeChat Pay's notify,
 * each with its own signature or token) passes through as it did before: no login page, no session, no CSRF token
 * asked of a platform's POST, and {@code pages.SecurityHeaders} stays the one place that sets security headers.
 * The console page {@code /admin.html} is a shell with no data in it; everything it shows comes from the API with
 * the bearer token.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdminSettings.class)
class AdminSecurity {

	static final String ROLE = "ADMIN";
	/** Everything behind the admin bearer token. */
	static final String[] PROTECTED = { "/api/admin/**", "/actuator/prometheus/**" };
	private static final String BEARER = "Bearer ";

	@Bean
	SecurityFilterChain adminApi(HttpSecurity http, AuthenticationManager adminTokenCheck) throws Exception {
		AdminUnauthorized unauthorized = new AdminUnauthorized();
		AuthenticationFilter bearer = new AuthenticationFilter(adminTokenCheck, AdminSecurity::bearer);
		bearer.setFailureHandler(new AuthenticationEntryPointFailureHandler(unauthorized));
		// Authenticated: go on to the API, no redirect to a saved page.
		bearer.setSuccessHandler((request, response, authentication) -> {
		});
		return http.securityMatcher(PROTECTED)
			.authorizeHttpRequests(requests -> requests.anyRequest().hasRole(ROLE))
			.addFilterAt(bearer, BasicAuthenticationFilter.class)
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthorized))
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// The token travels in a header a browser never adds by itself: there is no cookie a forged request
			// could ride on, so a CSRF token would protect nothing.
			.csrf(AbstractHttpConfigurer::disable)
			.headers(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.build();
	}

	/** The admin token is the only credential: there are no users, so Boot's generated user is not wanted either. */
	@Bean
	AuthenticationManager adminTokenCheck(AdminSettings settings) {
		String token = settings.apiToken();
		return presented -> {
			if (!Vault.constantTimeEquals((String) presented.getCredentials(), token)) {
				throw new BadCredentialsException("A valid admin bearer token is required");
			}
			return new PreAuthenticatedAuthenticationToken(AdminApi.ACTOR, null,
					AuthorityUtils.createAuthorityList("ROLE_" + ROLE));
		};
	}

	/** The presented token, or {@code null} when the request carries none (then it is anonymous, and refused). */
	private static Authentication bearer(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.startsWith(BEARER)) {
			return null;
		}
		return new PreAuthenticatedAuthenticationToken(AdminApi.ACTOR, header.substring(BEARER.length()).strip());
	}
}
