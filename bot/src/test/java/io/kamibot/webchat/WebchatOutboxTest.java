package io.kamibot.webchat;

import java.util.List;

import io.kamibot.conversation.Button;
import io.kamibot.conversation.Reply;
import io.kamibot.testing.CoreTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@CoreTest
class WebchatOutboxTest {

	@Autowired
	WebchatOutbox outbox;

	@Autowired
	MongoTemplate mongo;

	@Test
	void handsEachWaitingMessageOutOnceInOrderAndKeepsCodesSealed() {
		outbox.send("c1", new Reply("first CODE-SECRET-1", List.of(List.of(new Button("b", "x:1"))), List.of("CODE-SECRET-1")));
		outbox.send("c1", Reply.text("second"));
		outbox.send("c2", Reply.text("other chat"));

		assertThat(mongo.getCollection("mailbox").find().into(new java.util.ArrayList<>()).toString())
			.doesNotContain("CODE-SECRET-1");
		List<Reply> taken = outbox.take("c1");
		assertThat(taken).extracting(Reply::text).containsExactly("first CODE-SECRET-1", "second");
		assertThat(taken.get(0).codes()).containsExactly("CODE-SECRET-1");
		assertThat(taken.get(0).buttons().get(0).get(0).data()).isEqualTo("x:1");
		assertThat(outbox.take("c1")).isEmpty();
		assertThat(outbox.take("c2")).hasSize(1);
	}
}
