package io.kamibot.mail;

import java.util.List;
import java.util.Optional;

import io.kamibot.customer.Customer;
import io.kamibot.customer.Customers;
import io.kamibot.delivery.Deliveries;
import io.kamibot.email.EmailAddresses;
import io.kamibot.ordering.Order;
import io.kamibot.ordering.OrderEvents.OrderDelivered;
import io.kamibot.ordering.Orders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Mails a delivered order's codes to the buyer's confirmed address, besides the chat. A mail that fails (the server
 * is down, refuses, times out) fails the listener, and the event registry hands the delivery over again later.
 */
@Component
@Conditional(OnMail.class)
class CodeMails {

	private static final Logger log = LoggerFactory.getLogger(CodeMails.class);
	static final String CHANNEL = "email";

	private final EmailAddresses addresses;
	private final Customers customers;
	private final Orders orders;
	private final Deliveries deliveries;
	private final Mailer mailer;

	CodeMails(EmailAddresses addresses, Customers customers, Orders orders, Deliveries deliveries, Mailer mailer) {
		this.addresses = addresses;
		this.customers = customers;
		this.orders = orders;
		this.deliveries = deliveries;
		this.mailer = mailer;
	}

	@ApplicationModuleListener
	void on(OrderDelivered delivered) {
		send(delivered.customerId(), delivered.orderNo());
	}

	/**
	 * @return the address the codes went to, or nothing when the buyer has no confirmed address
	 * @throws io.kamibot.ordering.OrderNotFound when the order is not the customer's
	 * @throws io.kamibot.delivery.NotDeliveredYet when it has no codes yet
	 */
	Optional<String> send(String customerId, String orderNo) {
		Optional<String> address = addresses.confirmed(customerId);
		Optional<Customer> customer = customers.find(customerId);
		if (address.isEmpty() || customer.isEmpty()) {
			return Optional.empty();
		}
		List<String> codes = deliveries.reveal(orderNo, customerId, CHANNEL);
		Order order = orders.find(orderNo).orElseThrow();
		mailer.codes(address.get(), customer.get().language(), order, codes);
		log.info("Mailed the codes of order {} to customer {}", orderNo, customerId);
		return address;
	}
}
