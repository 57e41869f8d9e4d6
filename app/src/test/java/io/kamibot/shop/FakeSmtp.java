package io.kamibot.shop;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * An SMTP server on loopback that keeps what it is sent: enough of RFC 5321 for a real client (EHLO, MAIL, RCPT,
 * DATA with dot-stuffing, RSET, NOOP, QUIT), no TLS, no login. Messages are parsed with Jakarta Mail, as a mail app
 * would read them.
 */
final class FakeSmtp implements AutoCloseable {

	/** A message as delivered: its envelope recipients and its parsed content. */
	record Mail(List<String> recipients, String subject, String plain, String html) {
	}

	private final ServerSocket server;
	private final BlockingQueue<Mail> received = new LinkedBlockingQueue<>();
	private final Thread acceptor;

	FakeSmtp() {
		try {
			this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		this.acceptor = daemon(this::accept);
	}

	int port() {
		return server.getLocalPort();
	}

	/** The next message, waiting at most {@code wait}. */
	Mail next(Duration wait) throws InterruptedException {
		Mail mail = received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
		if (mail == null) {
			throw new AssertionError("No mail within " + wait);
		}
		return mail;
	}

	private void accept() {
		while (!server.isClosed()) {
			try {
				Socket client = server.accept();
				daemon(() -> serve(client));
			}
			catch (IOException e) {
				return;
			}
		}
	}

	private static Thread daemon(Runnable work) {
		Thread thread = new Thread(work, "fake-smtp");
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	private void serve(Socket client) {
		try (client; BufferedReader in = new BufferedReader(
				new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8)); OutputStream out = client.getOutputStream()) {
			reply(out, "220 fake.smtp ESMTP");
			List<String> recipients = new ArrayList<>();
			String line;
			while ((line = in.readLine()) != null) {
				String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
				switch (verb) {
					case "EHLO" -> reply(out, "250-fake.smtp\r\n250-8BITMIME\r\n250 SMTPUTF8");
					case "HELO", "MAIL", "NOOP" -> reply(out, "250 OK");
					case "RSET" -> {
						recipients.clear();
						reply(out, "250 OK");
					}
					case "RCPT" -> {
						recipients.add(line.replaceFirst("(?i)^RCPT TO:\\s*<([^>]*)>.*$", "$1"));
						reply(out, "250 OK");
					}
					case "DATA" -> {
						reply(out, "354 End data with <CR><LF>.<CR><LF>");
						received.add(parse(List.copyOf(recipients), readData(in)));
						recipients.clear();
						reply(out, "250 OK queued");
					}
					case "QUIT" -> {
						reply(out, "221 Bye");
						return;
					}
					default -> reply(out, "502 Not implemented");
				}
			}
		}
		catch (IOException | MessagingException e) {
			// The client went away; a test waiting for its mail says so.
		}
	}

	private static String readData(BufferedReader in) throws IOException {
		StringBuilder data = new StringBuilder();
		// Bounded by the client: it ends every message with a lone dot.
		for (String line = in.readLine(); line != null && !line.equals("."); line = in.readLine()) {
			data.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n");
		}
		return data.toString();
	}

	private static Mail parse(List<String> recipients, String data) throws MessagingException, IOException {
		MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
				new ByteArrayInputStream(data.getBytes(StandardCharsets.UTF_8)));
		String[] texts = new String[2];
		collect(message, texts);
		return new Mail(recipients, message.getSubject(), texts[0], texts[1]);
	}

	private static void collect(Part part, String[] texts) throws MessagingException, IOException {
		if (part.isMimeType("text/plain")) {
			texts[0] = (String) part.getContent();
		}
		else if (part.isMimeType("text/html")) {
			texts[1] = (String) part.getContent();
		}
		else if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				collect(child, texts);
			}
		}
	}

	private static void reply(OutputStream out, String text) throws IOException {
		out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	@Override
	public void close() throws IOException {
		server.close();
		acceptor.interrupt();
	}
}
