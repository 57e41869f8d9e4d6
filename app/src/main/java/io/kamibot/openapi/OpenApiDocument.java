package io.kamibot.openapi;

import java.util.Set;

/** Where the Open API describes itself; these paths need no signature. */
final class OpenApiDocument {

	static final String JSON = "/api/open/v1/openapi.json";
	static final String PAGE = "/api/open/v1/docs";
	static final Set<String> PATHS = Set.of(JSON, PAGE);

	private OpenApiDocument() {
	}
}
