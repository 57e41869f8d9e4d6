package io.kamibot.admin;

import java.time.Instant;
import java.util.List;

import io.kamibot.audit.AuditEntry;
import io.kamibot.audit.AuditLog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log: admin actions and code views, newest first; page back with {@code before}. */
@RestController
@RequestMapping("/api/admin/audit")
class AuditApi {

	private static final int MAX_LIMIT = 500;

	private final AuditLog audit;

	AuditApi(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping
	List<AuditEntry> read(@RequestParam(required = false) String action, @RequestParam(required = false) String target,
			@RequestParam(required = false) Instant before, @RequestParam(defaultValue = "100") int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
		}
		return audit.read(action, target, before, limit);
	}
}
