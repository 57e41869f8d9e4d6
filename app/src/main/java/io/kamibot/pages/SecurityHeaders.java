package io.kamibot.pages;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the safe defaults on every response before anything else runs: never in a frame, no content sniffing, no
 * referrer, and a policy that lets nothing load or run. A page that needs more (its own nonce) replaces the policy
 * with its own; everything else, error pages and API answers included, keeps this one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeaders extends OncePerRequestFilter {

	static final String LOCKED_DOWN = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setHeader("Content-Security-Policy", LOCKED_DOWN);
		chain.doFilter(request, response);
	}

	/** An error page is rendered in a dispatch of its own, after the response was reset. */
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}
}
