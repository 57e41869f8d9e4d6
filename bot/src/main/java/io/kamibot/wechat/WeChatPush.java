package io.kamibot.wechat;

import java.io.IOException;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import io.kamibot.wechat.WeChatCrypto.RejectedPush;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * One message or event WeChat pushed, read from its XML (the fields Kamibot uses; the rest is ignored).
 *
 * @param from the sender's OpenID
 * @param to the Official Account's original id, which replies come from
 * @param msgId set for messages, absent for events
 */
record WeChatPush(String type, String from, String to, long createTime, String msgId, String event,
		String eventKey, String content) {

	private static final DocumentBuilderFactory FACTORY = hardenedFactory();

	/**
	 * How WeChat identifies a push across its retries: {@code MsgId} for messages, sender and creation time for
	 * events (which have no id).
	 */
	String dedupKey() {
		return msgId != null ? "msg:" + msgId : "event:" + from + ":" + createTime;
	}

	boolean isEvent(String name) {
		return "event".equals(type) && name.equalsIgnoreCase(event);
	}

	/** @throws RejectedPush when the XML is malformed or lacks the sender, the type or the time */
	static WeChatPush parse(String xml) {
		Map<String, String> fields = fields(xml);
		String from = fields.get("FromUserName");
		String type = fields.get("MsgType");
		String created = fields.get("CreateTime");
		if (from == null || from.isBlank() || type == null || created == null || !created.matches("\\d{1,12}")) {
			throw new RejectedPush("a push without sender, type or time");
		}
		String msgId = fields.get("MsgId");
		if (msgId != null && !msgId.matches("\\d{1,30}")) {
			throw new RejectedPush("a malformed MsgId");
		}
		return new WeChatPush(type, from, fields.get("ToUserName"), Long.parseLong(created), msgId,
				fields.get("Event"), fields.get("EventKey"), fields.get("Content"));
	}

	/** The encrypted part of a safe-mode push. */
	static String encrypted(String xml) {
		String encrypted = fields(xml).get("Encrypt");
		if (encrypted == null || encrypted.isBlank()) {
			throw new RejectedPush("a safe-mode push without Encrypt");
		}
		return encrypted;
	}

	/** The text of the root element's children; documents with a DOCTYPE are refused (no entity tricks). */
	private static Map<String, String> fields(String xml) {
		Element root;
		try {
			DocumentBuilder builder = FACTORY.newDocumentBuilder();
			builder.setErrorHandler(null);
			root = builder.parse(new InputSource(new StringReader(xml))).getDocumentElement();
		}
		catch (ParserConfigurationException | SAXException | IOException e) {
			throw new RejectedPush("malformed XML");
		}
		Map<String, String> fields = new HashMap<>();
		for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child.getNodeType() == Node.ELEMENT_NODE) {
				fields.put(child.getNodeName(), child.getTextContent().strip());
			}
		}
		return fields;
	}

	private static DocumentBuilderFactory hardenedFactory() {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			return factory;
		}
		catch (ParserConfigurationException e) {
			throw new IllegalStateException(e);
		}
	}

	@Override
	public String toString() {
		// Content is what the buyer typed: not for logs.
		return "WeChatPush[" + type + (event != null ? "/" + event : "") + ", " + dedupKey() + "]";
	}
}
