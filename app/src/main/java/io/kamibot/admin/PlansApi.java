package io.kamibot.admin;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.kamibot.audit.AuditLog;
import io.kamibot.benefits.BenefitIssuing;
import io.kamibot.benefits.CatchUp;
import io.kamibot.benefits.PeriodCounts;
import io.kamibot.benefits.Plan;
import io.kamibot.benefits.PlanDraft;
import io.kamibot.benefits.PlanRecipients;
import io.kamibot.benefits.PlanView;
import io.kamibot.benefits.Plans;
import io.kamibot.benefits.Recipient;
import io.kamibot.benefits.RecipientStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Benefit plans: save, pause and resume them, add and manage recipients, issue a period by hand. All audited. */
@RestController
@RequestMapping("/api/admin/plans")
class PlansApi {

	private final Plans plans;
	private final PlanRecipients recipients;
	private final BenefitIssuing issuing;
	private final AuditLog audit;

	PlansApi(Plans plans, PlanRecipients recipients, BenefitIssuing issuing, AuditLog audit) {
		this.plans = plans;
		this.recipients = recipients;
		this.issuing = issuing;
		this.audit = audit;
	}

	/** Creates the plan or changes it; how far it got (the periods it handled) stays. */
	@PutMapping("/{id}")
	PlanView save(@PathVariable String id, @RequestBody PlanBody body) {
		Plan plan = plans.save(id, body.draft());
		audit.record(AdminApi.ACTOR, "plan.save", id, plan.cron() + " " + plan.items());
		return plans.view(id);
	}

	@GetMapping
	List<Plan> list() {
		return plans.list();
	}

	/** The plan and every period it handled, with how many issues each delivered, has waiting and had claimed. */
	@GetMapping("/{id}")
	PlanView get(@PathVariable String id) {
		return plans.view(id);
	}

	@PostMapping("/{id}/pause")
	PlanView pause(@PathVariable String id) {
		plans.pause(id);
		audit.record(AdminApi.ACTOR, "plan.pause", id, null);
		return plans.view(id);
	}

	@PostMapping("/{id}/resume")
	PlanView resume(@PathVariable String id) {
		plans.resume(id);
		audit.record(AdminApi.ACTOR, "plan.resume", id, null);
		return plans.view(id);
	}

	/** One recipient per line; a claim code is in this answer only. */
	@PostMapping(path = "/{id}/recipients", consumes = MediaType.TEXT_PLAIN_VALUE)
	AddedRecipients add(@PathVariable String id, @RequestBody String lines) {
		List<AddedRecipient> added = recipients.add(id, lines).stream()
			.map(a -> new AddedRecipient(a.recipient().key(), a.recipient().id(), a.claimCode()))
			.toList();
		audit.record(AdminApi.ACTOR, "plan.recipients", id, added.size() + " recipients");
		return new AddedRecipients(added);
	}

	@GetMapping("/{id}/recipients")
	List<Recipient> recipients(@PathVariable String id) {
		plans.get(id);
		return recipients.list(id, 10_000).stream().map(PlansApi::withoutHash).toList();
	}

	/** Pauses or resumes one recipient, named by its id or its line (e.g. {@code telegram:42}). */
	@PostMapping("/{id}/recipients/{recipient}/{action:pause|resume}")
	Recipient setStatus(@PathVariable String id, @PathVariable String recipient, @PathVariable String action) {
		RecipientStatus status = action.equals("pause") ? RecipientStatus.PAUSED : RecipientStatus.ACTIVE;
		audit.record(AdminApi.ACTOR, "plan.recipient." + action, id, recipient);
		return withoutHash(recipients.setStatus(id, recipient, status));
	}

	/** Takes a recipient off the plan; what it was issued stays theirs. */
	@DeleteMapping("/{id}/recipients/{recipient}")
	Recipient remove(@PathVariable String id, @PathVariable String recipient) {
		audit.record(AdminApi.ACTOR, "plan.recipient.remove", id, recipient);
		return withoutHash(recipients.setStatus(id, recipient, RecipientStatus.REMOVED));
	}

	/** Issues one period now; the same period again issues nothing twice. */
	@PostMapping("/{id}/issue")
	PeriodCounts issue(@PathVariable String id, @RequestBody IssueBody body) {
		if (body.period() == null) {
			throw new IllegalArgumentException("period is required, e.g. {\"period\":\"2026-12\"}");
		}
		audit.record(AdminApi.ACTOR, "plan.issue", id, body.period());
		return issuing.issue(id, body.period());
	}

	private static Recipient withoutHash(Recipient r) {
		return new Recipient(r.id(), r.planId(), r.key(), r.customerId(), null, r.claimedBy(), r.claimedAt(),
				r.status(), r.addedAt());
	}

	/** @param catchUp {@code issue} or {@code skip} (the default) */
	record PlanBody(String name, List<ItemBody> items, String cron, Instant startsAt, Instant endsAt, Integer periods,
			String catchUp, String payerResellerId) {

		PlanDraft draft() {
			if (items == null) {
				throw new IllegalArgumentException("items are required, e.g. [{\"sku\":\"VIP-MONTH\",\"quantity\":1}]");
			}
			List<Plan.Item> planItems = items.stream()
				.map(i -> new Plan.Item(i.sku(), i.quantity() == null ? 1 : i.quantity()))
				.toList();
			CatchUp policy = catchUp == null ? null : switch (catchUp.toLowerCase(Locale.ROOT)) {
				case "issue" -> CatchUp.ISSUE;
				case "skip" -> CatchUp.SKIP;
				default -> throw new IllegalArgumentException("catchUp is 'issue' or 'skip'");
			};
			return new PlanDraft(name, planItems, cron, startsAt, endsAt, periods, policy, payerResellerId);
		}
	}

	record ItemBody(String sku, Integer quantity) {
	}

	record IssueBody(String period) {
	}

	/** @param claimCode the one-time code for {@code /claim}, only for {@code claim:} lines not claimed yet */
	record AddedRecipient(String recipient, String id, String claimCode) {
	}

	record AddedRecipients(List<AddedRecipient> recipients) {
	}
}
