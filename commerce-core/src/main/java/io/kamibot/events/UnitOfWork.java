package io.kamibot.events;

import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * A transaction manager that holds no resource: it only marks where a unit of work begins and ends, so that
 * {@code @TransactionalEventListener}s (which {@code @ApplicationModuleListener} is) run after it ended well. The
 * database writes inside are each atomic on their own and are not undone by a rollback; that is what the shop's
 * conditional updates and unique indexes are built for (no multi-document transactions: the embedded store has none).
 */
class UnitOfWork extends AbstractPlatformTransactionManager {

	UnitOfWork() {
		setTransactionSynchronization(SYNCHRONIZATION_ALWAYS);
	}

	@Override
	protected Object doGetTransaction() {
		return new Object();
	}

	@Override
	protected void doBegin(Object transaction, TransactionDefinition definition) {
		// Nothing to open: the unit of work is only its synchronizations.
	}

	@Override
	protected void doCommit(DefaultTransactionStatus status) {
		// Every write was committed when it was made.
	}

	@Override
	protected void doRollback(DefaultTransactionStatus status) {
		// Nothing to undo; events published in the unit are not handed out, and stay in the registry for a retry.
	}
}
