package io.kamibot.events;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes an event inside a unit of work: the registry records it for every {@code @ApplicationModuleListener}
 * first, and the listeners get it when the unit ends (at once, or when the listener publishing it returns).
 * Publishing through {@link ApplicationEventPublisher} outside a unit of work would leave those listeners to the
 * retry only.
 */
@Component
public class DomainEvents {

	private final ApplicationEventPublisher publisher;
	private final TransactionTemplate unitOfWork;

	DomainEvents(ApplicationEventPublisher publisher, PlatformTransactionManager transactions) {
		this.publisher = publisher;
		this.unitOfWork = new TransactionTemplate(transactions);
	}

	public void publish(Object event) {
		unitOfWork.executeWithoutResult(status -> publisher.publishEvent(event));
	}
}
