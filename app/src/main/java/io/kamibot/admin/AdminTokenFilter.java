package io.kamibot.admin;

import java.io.IOException;

import io.kamibot.vault.Vault;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a request into the admin API only with {@code Authorization: Bearer <token>}, compared in constant time.
 * Runs before anything reads the body, so a refused request changes nothing.
 */
class AdminTokenFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	private final String token;

	AdminTokenFilter(String token) {
		this.token = token;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		String presented = header != null && header.startsWith(BEARER) ? header.substring(BEARER.length()).strip() : null;
		if (!Vault.constantTimeEquals(presented, token)) {
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"kamibot-admin\"");
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
						+ "\"detail\":\"A valid admin bearer token is required\"}");
			return;
		}
		chain.doFilter(request, response);
	}
}
